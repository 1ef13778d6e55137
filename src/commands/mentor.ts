import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import type { MentorAddInput, MentorEditInput } from '../core/inputs.js';
import { SUPPORT_KINDS } from '../core/model.js';
import { addMentor, editMentor, setMentorStatus } from '../core/mentors.js';
import { findMentor } from '../core/refs.js';
import type { Mentor, SupportKind } from '../core/schema.js';
import { flag, minutes, oneOf, optionalText, readWith, text, texts } from '../input/flags.js';
import { readCadence, readContact, readDay } from '../input/read.js';
import { mentorStatusJson } from '../ui/json.js';
import { renderMentor, renderMentorList } from '../ui/render/mentors.js';
import { noteFlags } from './common-flags.js';
import type { DateContext } from '../input/date-text.js';

/** Other words people use for the support they hope for. */
const SUPPORT_ALIASES: Record<string, (typeof SUPPORT_KINDS)[number]> = {
  guidance: 'career',
  'career-guidance': 'career',
  opportunity: 'opportunities',
  doors: 'opportunities',
  pitfall: 'pitfalls',
  honesty: 'pitfalls',
  support: 'emotional',
  'emotional-support': 'emotional',
  'work-life': 'balance',
  'work-life-balance': 'balance',
  wellbeing: 'balance',
};

const mentorFields = (dates: DateContext) => ({
  role: optionalText,
  contact: readWith(readContact).optional(),
  cadence: readWith(readCadence).optional(),
  length: minutes.optional(),
  rule: texts,
  expect: z.array(oneOf(SUPPORT_KINDS, SUPPORT_ALIASES)).default([]),
  since: readWith((value) => readDay(value, dates)).optional(),
});

export /** The shared mentor flags, named as the domain names them. */
function mentorFieldsOf<
  F extends { cadence?: number; length?: number; rule: string[]; expect: SupportKind[]; since?: string },
>(flags: F) {
  const { cadence, length, rule, expect, since, ...rest } = flags;
  return { ...rest, cadenceDays: cadence, lengthMinutes: length, rules: rule, expectations: expect, startDate: since };
}

export const mentorAddFlags = (dates: DateContext) =>
  z
    .object({ ...mentorFields(dates), name: text, handle: optionalText, json: flag })
    .transform(({ json, ...flags }) => ({ input: mentorFieldsOf(flags) satisfies MentorAddInput, json }));

export const mentorEditFlags = (dates: DateContext) =>
  z
    .object({ ...mentorFields(dates), name: optionalText, clearRules: flag, clearExpect: flag })
    .transform(({ clearExpect, ...flags }): MentorEditInput => ({
      ...mentorFieldsOf(flags),
      clearExpectations: clearExpect,
    }));

const listFlags = z.object({ all: flag, json: flag });

/** pause, resume and end: --json, and end's --note. */
const statusFlags = noteFlags.extend({ json: flag });

export async function mentorAddCommand(ctx: Context, name: string, raw: Record<string, unknown>): Promise<void> {
  const { input, json } = parseOptions(mentorAddFlags(ctx.dates), { ...raw, name });
  const mentor = await ctx.store.update((journal) => addMentor(journal, input, ctx.now));
  if (json) return ctx.print(JSON.stringify(mentor, null, 2));
  ctx.print(
    `Added ${mentor.name} as "${mentor.handle}". Prepare your first meeting with: mentee prep --mentor ${mentor.handle}`,
  );
}

export async function mentorListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { all, json } = parseOptions(listFlags, raw);
  const journal = await ctx.store.read();
  const mentors = journal.mentors.filter((mentor) => all || mentor.status !== 'ended');
  if (json) return ctx.print(JSON.stringify({ mentors }, null, 2));
  ctx.print(renderMentorList(journal, mentors, ctx));
}

export async function mentorShowCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(listFlags, raw);
  const journal = await ctx.store.read();
  const mentor = findMentor(journal, ref);
  if (json) return ctx.print(JSON.stringify(mentor, null, 2));
  ctx.print(renderMentor(journal, mentor, ctx));
}

export async function mentorEditCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(mentorEditFlags(ctx.dates), raw);
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
  const { note, json } = parseOptions(statusFlags, raw);
  const report = await ctx.store.update((journal) => {
    const change = setMentorStatus(journal, ref, status, ctx.now, note);
    const stillPlanned = journal.meetings
      .filter((meeting) => meeting.mentor === change.mentor.handle && meeting.status === 'planned')
      .map((meeting) => meeting.id);
    return mentorStatusJson(change, stillPlanned);
  });
  if (json) return ctx.print(JSON.stringify(report, null, 2));
  const { mentor, cancelled, dropped, stillPlanned } = report;
  ctx.print(STATUS_MESSAGES[status](mentor));
  if (cancelled.length) ctx.print(`Cancelled the meetings planned with them: ${cancelled.join(', ')}.`);
  if (dropped.length)
    ctx.print(`Dropped what they offered and had not done: ${dropped.join(', ')} (see: mentee actions --all).`);
  if (status === 'paused' && stillPlanned.length)
    ctx.print(
      `Still planned with them: ${stillPlanned.join(', ')}; cancel one with: mentee meeting cancel ${stillPlanned[0]}`,
    );
}
