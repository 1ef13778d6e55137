/** A review of a period as the text of one file: Markdown and HTML through the layouts, or JSON. */
import { hasPrivate } from '../../core/privacy.js';
import type { ActionsByOutcome, Review } from '../../core/review.js';
import type { Journal } from '../../core/schema.js';
import type { ReviewJson } from '../json-shapes.js';
import { reviewView } from '../views/review-view.js';
import type { ReviewFormat } from './formats.js';
import { renderLayout } from './layouts.js';
import { tidyMarkdown } from './render-export.js';

export interface ReviewOptions {
  includePrivate: boolean;
  /** The questions of the portfolio-reflection template. */
  prompts: string[];
  now: Date;
}

export async function renderReview(
  format: ReviewFormat,
  journal: Journal,
  review: Review,
  options: ReviewOptions,
): Promise<string> {
  if (format === 'json') return `${JSON.stringify(reviewJson(review, options), null, 2)}\n`;
  const view = reviewView(journal, review, options);
  if (format === 'md') return tidyMarkdown(await renderLayout('md', 'review', { review: view }));
  const { timelineSvg } = await import('./timeline-svg.js');
  return renderLayout('html', 'review', { review: view, timelineSvg: timelineSvg(view.timeline) });
}

/** The review as data (see ReviewJsonSchema); private reflections only when asked for. */
export function reviewJson(review: Review, options: Pick<ReviewOptions, 'includePrivate' | 'prompts'>): ReviewJson {
  const { scope, figures } = review;
  const actions = ({ onTime, late, open, dropped }: ActionsByOutcome) => ({ onTime, late, open, dropped });
  return {
    kind: 'review',
    from: scope.from,
    to: scope.to,
    mentor: scope.mentor?.handle ?? null,
    figures,
    goals: review.goals.map(({ goal, progress, meetings, actions: goalActions }) => ({
      goal,
      progressInPeriod: progress,
      meetings: meetings.map(({ meeting, topics, advice, decisions }) => ({
        id: meeting.id,
        when: meeting.when,
        mentor: meeting.mentor,
        topics,
        advice,
        decisions,
      })),
      actions: actions(goalActions),
    })),
    mentors: review.mentors.map(({ mentor, days, expected, held, cancelled }) => ({
      handle: mentor.handle,
      name: mentor.name,
      cadenceDays: mentor.cadenceDays ?? null,
      days,
      expected,
      held: held.map((meeting) => meeting.id),
      cancelled: cancelled.map((meeting) => meeting.id),
    })),
    themes: review.themes.map(({ tag, items }) => ({
      tag,
      items: items.map(({ kind, text, meeting }) => ({
        kind,
        text,
        meeting: meeting.id,
        mentor: meeting.mentor,
        when: meeting.when,
      })),
    })),
    actions: actions(review.actions),
    reflectionPrompts: options.prompts,
    privateReflections: options.includePrivate
      ? review.summary.meetings.filter(hasPrivate).map((meeting) => ({
          meeting: meeting.id,
          when: meeting.when,
          mentor: meeting.mentor,
          reflection: meeting.log?.privateReflection ?? null,
          reflections: meeting.prep?.reflections ?? [],
        }))
      : null,
  };
}
