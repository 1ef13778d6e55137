import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { renderExport } from '../../src/ui/export/render-export.js';
import { action, exportSelection, journal, logInput, mentor, NOW, prepInput } from '../core/fixtures.js';

const at = (iso: string) => new Date(iso);

/** Sam's autumn with Ada: m1 held (one topic covered, one parked), m2 cancelled, a1 dropped with a reason. */
function autumn(): Journal {
  const j = journal();
  j.profile.name = 'Sam Patel';
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  prepMeeting(
    j,
    prepInput({ mentor: 'lovelace', when: '2026-11-12 17:30', topic: ['Specialty choice:10', 'Rota swaps:5'] }),
    at('2026-11-10T09:00:00Z'),
  );
  logMeeting(
    j,
    logInput({ meeting: 'm1', covered: ['1'], parked: ['2'], advice: ['Talk to three GPs'] }),
    at('2026-11-12T19:00:00Z'),
  );
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-11-19 17:30' }), at('2026-11-13T09:00:00Z'));
  cancelMeeting(j, 'm2', at('2026-11-18T09:00:00Z'));
  action(j, { title: 'Book the exam', due: '2026-11-30' }, at('2026-11-12T19:00:00Z'));
  closeAction(j, 'a1', 'dropped', at('2026-11-20T09:00:00Z'), 'Sitting it next spring instead');
  return j;
}

const exportOf = (j: Journal, format: 'md' | 'html', fields: Record<string, unknown>) =>
  renderExport(format, j, exportSelection(j, fields), false, NOW);

describe('exports say what state things are in', () => {
  it('a summary lists the topics of each meeting with their outcome, the cancelled meetings and why actions were dropped', async () => {
    const text = await exportOf(autumn(), 'md', { since: '2026-11-01' });
    expect(text).toContain('# Sam Patel: Mentoring summary');
    expect(text).toContain(
      '- **Thu 12 Nov 2026, 17:30** with Dr Ada Lovelace\n  - Topic: Specialty choice — covered\n  - Topic: Rota swaps — parked\n  - Advice: Talk to three GPs\n',
    );
    expect(text).toContain('## Meetings cancelled\n\n- Thu 19 Nov 2026, 17:30 with Dr Ada Lovelace\n');
    expect(text).toContain(
      '## Actions dropped\n\n- [ ] Book the exam (due Mon 30 Nov 2026) — dropped: Sitting it next spring instead\n',
    );
  });

  it('the HTML summary shows the same topics, cancelled meetings and dropped actions', async () => {
    const html = await exportOf(autumn(), 'html', { since: '2026-11-01' });
    expect(html).toContain('<span class="tag">Topic</span> Rota swaps <span class="state state-parked">parked</span>');
    expect(html).toContain('<h2>Meetings cancelled</h2>');
    expect(html).toContain('dropped</span> — Sitting it next spring instead');
  });

  it('a cancelled meeting exported on its own says it is cancelled, and names the mentee', async () => {
    const text = await exportOf(autumn(), 'md', { meeting: 'm2' });
    expect(text).toContain('# Cancelled: meeting with Dr Ada Lovelace');
    expect(text).toContain('**Mentee:** Sam Patel · **When:** Thu 19 Nov 2026, 17:30');
    expect(text).toContain('**Status:** cancelled');
    const html = await exportOf(autumn(), 'html', { meeting: 'm2' });
    expect(html).toContain('<strong>Status</strong> cancelled');
  });

  it("a cancelled meeting's reason is in its export and in the summary, escaped for each format", async () => {
    const j = autumn();
    j.meetings[1]!.cancelNote = 'Ada is on leave <until> *March* & back after';
    const md = await exportOf(j, 'md', { meeting: 'm2' });
    expect(md).toContain('**Status:** cancelled: Ada is on leave \\<until> \\*March\\* & back after');
    const html = await exportOf(j, 'html', { meeting: 'm2' });
    expect(html).toContain('<strong>Why</strong> Ada is on leave &lt;until&gt; *March* &amp; back after');
    const summary = await exportOf(j, 'md', { since: '2026-11-01' });
    expect(summary).toContain(
      '## Meetings cancelled\n\n- Thu 19 Nov 2026, 17:30 with Dr Ada Lovelace: Ada is on leave \\<until> \\*March\\* & back after\n',
    );
    const summaryHtml = await exportOf(j, 'html', { since: '2026-11-01' });
    expect(summaryHtml).toContain('cancelled</span> — Ada is on leave &lt;until&gt; *March* &amp; back after</li>');
  });

  it('a cancelled meeting with no reason given says only that it is cancelled', async () => {
    const md = await exportOf(autumn(), 'md', { meeting: 'm2' });
    expect(md).toMatch(/\*\*Status:\*\* cancelled\n/);
  });
});
