// Types of machine.mjs, for the tests that use the same small disk and second user as the trials.
export declare const OTHER_USER: string;
export interface Skipped {
  skipped: string;
}
export interface SmallDisk {
  dir: string;
  fill(leaveBytes?: number): void;
  free(): void;
  freeBytes(): number;
  unmount(): void;
}
export interface OtherUser {
  name: string;
  uid: number;
  gid: number;
}
export declare function smallDisk(kib?: number): SmallDisk | Skipped;
export declare function otherUser(): OtherUser | Skipped;
export declare function folderOf(user: OtherUser, parent: string): string;
export declare function runAs(
  user: OtherUser,
  command: string,
  options?: import('node:child_process').SpawnSyncOptions,
): import('node:child_process').SpawnSyncReturns<string>;
