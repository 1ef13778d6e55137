/** The small disk and second user of the torture trials, for tests: each is had, or skipped with why. */
export {
  folderOf,
  otherUser,
  runAs,
  smallDisk,
  type OtherUser,
  type SmallDisk,
  type Skipped,
} from '../../scripts/torture/machine.mjs';
