import type { ProfileInput } from './inputs.js';
import type { Journal, Profile } from './schema.js';

export function setProfile(journal: Journal, input: ProfileInput): Profile {
  if (input.name !== undefined) journal.profile.name = input.name;
  if (input.stage !== undefined) journal.profile.stage = input.stage;
  return journal.profile;
}
