import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { MentorAddInput, MentorEditInput, NoteInput } from '../core/inputs.js';
import { addMentor, editMentor, setMentorStatus } from '../core/mentors.js';
import { findMentor } from '../core/refs.js';
import type { Mentor } from '../core/schema.js';
import { renderMentor, renderMentorList } from '../ui/render/mentors.js';

export async function mentorAddCommand(ctx: Context, name: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(MentorAddInput, { ...raw, name });
  const mentor = await ctx.store.update((journal) => addMentor(journal, input, ctx.now));
  if (raw.json) return ctx.print(JSON.stringify(mentor, null, 2));
  ctx.print(
    `Added ${mentor.name} as "${mentor.handle}". Prepare your first meeting with: mentee prep --mentor ${mentor.handle}`,
  );
}

export async function mentorListCommand(ctx: Context, raw: { all?: boolean; json?: boolean }): Promise<void> {
  const journal = await ctx.store.read();
  const mentors = journal.mentors.filter((mentor) => raw.all || mentor.status !== 'ended');
  if (raw.json) return ctx.print(JSON.stringify({ mentors }, null, 2));
  ctx.print(renderMentorList(journal, mentors, ctx));
}

export async function mentorShowCommand(ctx: Context, ref: string, raw: { json?: boolean }): Promise<void> {
  const journal = await ctx.store.read();
  const mentor = findMentor(journal, ref);
  if (raw.json) return ctx.print(JSON.stringify(mentor, null, 2));
  ctx.print(renderMentor(journal, mentor, ctx));
}

export async function mentorEditCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(MentorEditInput, raw);
  const mentor = await ctx.store.update((journal) => editMentor(journal, ref, input, ctx.now));
  ctx.print(`Updated ${mentor.name} (${mentor.handle}).`);
}

const STATUS_MESSAGES: Record<Mentor['status'], (mentor: Mentor) => string> = {
  active: (mentor) => `${mentor.name} is active again.`,
  paused: (mentor) => `Paused your mentoring with ${mentor.name}; resume with: mentee mentor resume ${mentor.handle}`,
  ended: (mentor) => `Ended your mentoring with ${mentor.name}. Their meetings and advice stay in your journal.`,
};

export async function mentorStatusCommand(
  ctx: Context,
  ref: string,
  status: Mentor['status'],
  raw: Record<string, unknown> = {},
): Promise<void> {
  const { note } = parseOptions(NoteInput, raw);
  const mentor = await ctx.store.update((journal) => setMentorStatus(journal, ref, status, ctx.now, note));
  ctx.print(STATUS_MESSAGES[status](mentor));
}
