import { lazy, type CommandSpec, type Flag } from './command-spec.js';
import {
  ACTION_OWNERS,
  GOAL_CATEGORIES,
  GOAL_STATUSES,
  MEETING_MODES,
  SUPPORT_KINDS,
  TOPIC_KINDS,
} from '../core/model.js';
import { EXPORT_FORMATS, REVIEW_FORMATS } from '../ui/export/formats.js';
import { TEXT_KINDS } from '../core/record-texts.js';
import { SHELLS } from './completion-shells.js';
import { PROGRAM_NAME } from './version.js';
import { SETTING_KEYS } from '../config/settings.js';

/**
 * Every command of mentee, in the order `mentee --help` lists them: its words, arguments, flags with
 * their help, examples, and a lazy `load` of its handler. The program is built from this list alone
 * (see program.ts), so a command, a flag or an example exists in exactly one place. Importing this
 * module loads no command code: each handler's module is imported only when its command runs.
 */

const actions = () => import('../commands/action.js');
const goals = () => import('../commands/goal.js');
const meetings = () => import('../commands/meetings.js');
const meetingChanges = () => import('../commands/meeting-changes.js');
const mentors = () => import('../commands/mentor.js');
const templates = () => import('../commands/templates.js');
const config = () => import('../commands/config.js');
const sync = () => import('../commands/sync.js');

const json: Flag = { flags: '--json', help: 'print a stable JSON shape instead of text (see README)' };
const note = (help: string): Flag => ({ flags: '--note <text>', help });
/** What a command that hands over a document (export, review) takes: private text, and a file to write. */
const documentFlags: Flag[] = [
  { flags: '--include-private', help: 'include private reflections (they are left out otherwise)' },
  { flags: '--out <file>', help: 'write to a file (owner-only) instead of stdout', values: 'file' },
  { flags: '--force', help: 'replace --out if it exists' },
];
const tag = (help: string): Flag => ({
  flags: '--tag <tag>',
  help: `${help}: a #word in any of its texts`,
  values: 'tag',
});

/** The options of the program itself, before any command; `--version` and `--help` are commander's. */
export const GLOBAL_FLAGS: Flag[] = [
  // Not commander's .env(): that reads process.env, and a run's environment is the one it is given.
  { flags: '--journal <file>', help: 'journal file to use (env: MENTEE_JOURNAL)', values: 'file' },
  { flags: '--no-color', help: 'never colour the output (NO_COLOR works too)' },
  {
    flags: '--allow-identifiers',
    help: 'keep text that looks like a patient identifier (an NHS number) without asking',
  },
];

const mentorFields: Flag[] = [
  { flags: '--role <role>', help: 'role or organisation, e.g. "GP partner"' },
  { flags: '--contact <channel:address>', help: 'how best to reach them, e.g. email:ada@example.org' },
  { flags: '--cadence <interval>', help: 'how often you meet: 4w, "every 2 weeks", 30d, monthly' },
  { flags: '--length <minutes>', help: 'usual meeting length in minutes' },
  { flags: '--rule <text>', help: 'a ground rule you agreed (repeatable)', repeatable: true },
  {
    flags: '--expect <kind>',
    help: 'support you hope for (repeatable): career, opportunities, pitfalls, emotional, balance, other',
    repeatable: true,
    values: SUPPORT_KINDS,
  },
  { flags: '--since <date>', help: 'when the mentoring started (default: today)' },
];

const goalFields: Flag[] = [
  {
    flags: '--category <category>',
    help: 'career, clinical, research, education, leadership, wellbeing or personal',
    values: GOAL_CATEGORIES,
  },
  { flags: '--target <date>', help: 'target date' },
  { flags: '--why <text>', help: 'why it matters to you' },
  { flags: '--success <text>', help: 'what success looks like' },
  { flags: '--mentor <mentor>', help: 'a mentor helping with it (repeatable)', repeatable: true, values: 'mentor' },
];

const meetingBasics: Flag[] = [
  { flags: '--mentor <mentor>', help: 'which mentor (not needed when you have one)', values: 'mentor' },
  { flags: '--when <date>', help: 'date and time, e.g. "2026-12-03 17:30" or "next thursday 5pm"' },
  { flags: '--length <minutes>', help: "meeting length in minutes (default: the mentor's usual)" },
  { flags: '--mode <mode>', help: 'in-person, video, phone or other', values: MEETING_MODES },
];

/** `goal done|drop|pause <id>`: one status change each, saying what becomes of the goal's open actions. */
const goalStatus = (name: string, status: string, summary: string, keep: boolean): CommandSpec => ({
  name,
  summary,
  args: [{ name: '<id>', values: 'goal' }],
  flags: [
    note('a closing note'),
    { flags: '--drop-actions', help: "drop the goal's open actions too" },
    ...(keep ? [{ flags: '--keep-actions', help: "keep the goal's open actions open, still linked to it" }] : []),
  ],
  examples: [`mentee goal ${name} g1 --note "..."`, ...(keep ? [`mentee goal ${name} g1 --drop-actions`] : [])],
  load: lazy(goals, 'goalStatusCommand', status),
});

/** `action done|drop|reopen <id>`: one status change each. */
const actionStatus = (name: string, status: string, summary: string): CommandSpec => ({
  name,
  summary,
  args: [{ name: '<id>', values: status === 'open' ? 'action' : 'open-action' }],
  flags: [note('a note')],
  examples: [`mentee action ${name} a3`],
  load: lazy(actions, 'actionCloseCommand', status),
});

const actionList: CommandSpec = {
  name: 'list',
  summary: 'open actions, soonest due first',
  flags: [
    json,
    { flags: '--overdue', help: 'only overdue actions' },
    { flags: '--mentor <mentor>', help: 'only actions with this mentor', values: 'mentor' },
    { flags: '--goal <id>', help: 'only actions for this goal', values: 'goal' },
    { flags: '--mine', help: 'only your own actions, not mentor commitments' },
    { flags: '--all', help: 'include done and dropped actions' },
    tag('only actions tagged with it'),
  ],
  examples: ['mentee action list --overdue'],
  load: lazy(() => import('../commands/action-list.js'), 'actionListCommand'),
};

const actionDone = actionStatus('done', 'done', 'mark an action done');

export const COMMANDS: CommandSpec[] = [
  {
    name: 'init',
    summary: 'start your journal: your name and career stage',
    flags: [
      { flags: '--name <name>', help: 'your name (optional)' },
      { flags: '--stage <stage>', help: 'career stage, e.g. "FY2 doctor"' },
      { flags: '-y, --yes', help: 'ask nothing: use the flags given (on a terminal, init otherwise asks)' },
    ],
    examples: ['mentee init --name "Sam Patel" --stage "FY2 doctor"'],
    load: lazy(() => import('../commands/init.js'), 'initCommand'),
  },
  {
    name: 'mentor',
    summary: 'manage your mentors, ground rules and expectations',
    subcommands: [
      {
        name: 'add',
        summary: 'add a mentor',
        args: [{ name: '<name>' }],
        flags: [
          ...mentorFields,
          { flags: '--handle <handle>', help: 'short name to refer to them (default: from the surname)' },
          { flags: '--json', help: 'print the new mentor as JSON' },
        ],
        examples: [
          'mentee mentor add "Dr Ada Lovelace" --role "GP partner" --contact email:ada@example.org --cadence 4w --length 30 --rule "Email first" --expect career',
        ],
        load: lazy(mentors, 'mentorAddCommand'),
      },
      {
        name: 'list',
        summary: 'list mentors (ended ones with --all)',
        flags: [json, { flags: '--all', help: 'include ended mentorships' }],
        examples: ['mentee mentor list --all'],
        load: lazy(mentors, 'mentorListCommand'),
      },
      {
        name: 'show',
        summary: 'show a mentor with ground rules',
        args: [{ name: '<mentor>', help: 'handle or part of the name', values: 'mentor' }],
        flags: [json],
        examples: ['mentee mentor show lovelace'],
        load: lazy(mentors, 'mentorShowCommand'),
      },
      {
        name: 'edit',
        summary: 'change a mentor; --rule and --expect add to the lists',
        args: [{ name: '<mentor>', values: 'mentor' }],
        flags: [
          ...mentorFields,
          { flags: '--name <name>', help: 'their name' },
          { flags: '--clear-rules', help: 'remove the existing ground rules first' },
          { flags: '--clear-expect', help: 'remove the existing expectations first' },
        ],
        examples: ['mentee mentor edit lovelace --cadence 6w --rule "No calls after 8pm"'],
        load: lazy(mentors, 'mentorEditCommand'),
      },
      {
        name: 'pause',
        summary: 'pause a mentorship (no nudges while paused)',
        args: [{ name: '<mentor>', values: 'mentor' }],
        flags: [json],
        examples: ['mentee mentor pause lovelace'],
        load: lazy(mentors, 'mentorStatusCommand', 'paused'),
      },
      {
        name: 'resume',
        summary: 'make a paused or ended mentorship active again',
        args: [{ name: '<mentor>', values: 'mentor' }],
        flags: [json],
        examples: ['mentee mentor resume lovelace'],
        load: lazy(mentors, 'mentorStatusCommand', 'active'),
      },
      {
        name: 'end',
        summary: 'end a mentorship, with a note on how it went',
        args: [{ name: '<mentor>', values: 'mentor' }],
        flags: [note('why it ended, what you take away'), json],
        examples: ['mentee mentor end lovelace --note "Moved to a new deanery; parted warmly"'],
        load: lazy(mentors, 'mentorStatusCommand', 'ended'),
      },
    ],
  },
  {
    name: 'goal',
    summary: 'goals, with dated progress notes',
    subcommands: [
      {
        name: 'add',
        summary: 'add a goal',
        args: [{ name: '<title>' }],
        flags: [...goalFields, { flags: '--json', help: 'print the new goal as JSON' }],
        examples: [
          'mentee goal add "Choose between paediatrics and general practice" --category career --target 2027-03-01',
        ],
        load: lazy(goals, 'goalAddCommand'),
      },
      {
        name: 'list',
        summary: 'list active goals (all with --all)',
        flags: [
          json,
          { flags: '--all', help: 'include achieved, paused and dropped goals' },
          tag('only goals tagged with it'),
        ],
        examples: ['mentee goal list --all'],
        load: lazy(goals, 'goalListCommand'),
      },
      {
        name: 'show',
        summary: 'show a goal and its progress',
        args: [{ name: '<id>', values: 'goal' }],
        flags: [json],
        examples: ['mentee goal show g1'],
        load: lazy(goals, 'goalShowCommand'),
      },
      {
        name: 'update',
        summary: 'record progress or change a goal',
        args: [{ name: '<id>', values: 'goal' }],
        flags: [
          ...goalFields,
          note('a dated progress note'),
          { flags: '--title <title>', help: 'new title' },
          { flags: '--status <status>', help: 'active, achieved, paused or dropped', values: GOAL_STATUSES },
        ],
        examples: ['mentee goal update g1 --note "Shadowed two GP clinics"'],
        load: lazy(goals, 'goalUpdateCommand'),
      },
      goalStatus('done', 'achieved', 'mark a goal achieved', false),
      goalStatus('drop', 'dropped', 'drop a goal', true),
      goalStatus('pause', 'paused', 'pause a goal', true),
    ],
  },
  {
    name: 'prep',
    summary: 'prepare a meeting: intention, topics with minutes, review of actions',
    flags: [
      ...meetingBasics,
      json,
      {
        flags: '--meeting <id>',
        help: 'a planned meeting to prepare (default: by --mentor and --when)',
        values: 'planned-meeting',
      },
      { flags: '--intention <text>', help: 'what you want to walk away with' },
      {
        flags: '--topic <title[:minutes]>',
        help: 'a topic, with minutes after a colon (repeatable)',
        repeatable: true,
      },
      {
        flags: '--kind <kind>',
        help: 'kind of the topics given: question, decision, update, feedback or personal',
        values: TOPIC_KINDS,
      },
      { flags: '--goal <id>', help: 'a goal to discuss (repeatable)', repeatable: true, values: 'goal' },
      {
        flags: '--review <id=state[:note]>',
        help: 'progress on an action: done, progress, blocked, dropped, open (repeatable)',
        repeatable: true,
      },
      {
        flags: '--carry-parked',
        help: 'bring in the topics parked last time or left by a cancelled meeting',
      },
      { flags: '--template <name>', help: 'prep template (see mentee templates)', values: 'template' },
      { flags: '-y, --yes', help: 'ask nothing: use the flags given and the defaults' },
    ],
    examples: [
      'mentee prep --mentor lovelace --when "2026-12-03 17:30" --intention "Leave with a decision plan" --topic "Specialty choice:15" --review a3=done',
    ],
    load: lazy(() => import('../commands/prep.js'), 'prepCommand'),
  },
  {
    name: 'log',
    summary: 'record what happened: outcomes, advice, your action plan',
    args: [{ name: '[meeting]', help: 'meeting id (default: the latest unlogged one)', values: 'planned-meeting' }],
    flags: [
      ...meetingBasics,
      json,
      {
        flags: '--topic <title[:minutes]>',
        help: 'a topic discussed, for a meeting not prepared (repeatable)',
        repeatable: true,
      },
      { flags: '--covered <n>', help: 'topic numbers covered: 1, 1,3 or 1-3 (repeatable)', repeatable: true },
      { flags: '--parked <n>', help: 'topic numbers parked for next time (repeatable)', repeatable: true },
      { flags: '--advice <text>', help: 'advice received (repeatable)', repeatable: true },
      { flags: '--feedback <text>', help: 'feedback received (repeatable)', repeatable: true },
      { flags: '--decision <text>', help: 'a decision made (repeatable)', repeatable: true },
      { flags: '--challenged <text>', help: 'an assumption your mentor challenged (repeatable)', repeatable: true },
      {
        flags: '--action <title[:due]>',
        help: 'your own next action, due date after a colon (repeatable)',
        repeatable: true,
      },
      {
        flags: '--mentor-action <title[:due]>',
        help: 'something your mentor offered to do (repeatable)',
        repeatable: true,
      },
      { flags: '--private <text>', help: 'a private reflection: never exported unless you ask' },
      { flags: '--next <date>', help: 'when you meet next (plans that meeting)' },
      { flags: '--amend', help: 'add to the notes of a meeting already logged' },
      { flags: '-y, --yes', help: 'ask nothing: use the flags given' },
    ],
    examples: [
      'mentee log m1 --covered 1 --parked 2 --advice "Talk to three GPs" --action "Email the training lead:in 2 weeks" --next "2027-01-07 17:30"',
    ],
    load: lazy(() => import('../commands/log.js'), 'logCommand'),
  },
  {
    name: 'meetings',
    summary: 'meeting history and plans',
    flags: [
      json,
      { flags: '--mentor <mentor>', help: 'only this mentor', values: 'mentor' },
      tag('only meetings tagged with it'),
    ],
    examples: ['mentee meetings --mentor lovelace', 'mentee meetings --tag research'],
    load: lazy(meetings, 'meetingListCommand'),
  },
  {
    name: 'meeting',
    summary: 'change a meeting',
    subcommands: [
      {
        name: 'cancel',
        summary: 'cancel a planned meeting, with a reason',
        args: [{ name: '<id>', values: 'planned-meeting' }],
        flags: [note('why it was cancelled, kept on the meeting')],
        examples: ['mentee meeting cancel m4 --note "Ada is on leave"'],
        load: lazy(meetings, 'meetingCancelCommand'),
      },
      {
        name: 'move',
        summary: 'reschedule a planned meeting, or change its length or mode',
        args: [{ name: '<id>', values: 'planned-meeting' }],
        flags: [
          { flags: '--when <date>', help: 'new date and time, e.g. "2026-12-10 17:30" or "next thursday 5pm"' },
          { flags: '--length <minutes>', help: 'new length in minutes' },
          { flags: '--mode <mode>', help: 'in-person, video, phone or other', values: MEETING_MODES },
        ],
        examples: [
          'mentee meeting move m2 --when "2026-12-10 17:30"',
          'mentee meeting move m2 --length 45 --mode video',
        ],
        load: lazy(meetingChanges, 'meetingMoveCommand'),
      },
      {
        name: 'topic',
        summary: "change one topic of a planned meeting's agenda: rename, re-time, reorder or remove it",
        args: [
          { name: '<id>', help: 'the meeting, e.g. m2', values: 'planned-meeting' },
          { name: '<topic>', help: 'the topic number, as the agenda shows it (mentee show m2)' },
        ],
        flags: [
          { flags: '--title <title>', help: 'new title' },
          { flags: '--minutes <minutes>', help: 'new minutes for it' },
          { flags: '--no-minutes', help: 'take its minutes away' },
          { flags: '--kind <kind>', help: 'question, decision, update, feedback or personal', values: TOPIC_KINDS },
          { flags: '--move-to <n>', help: 'its new place on the agenda (1 is first)' },
          { flags: '--remove', help: 'take it off the agenda' },
        ],
        examples: [
          'mentee meeting topic m2 2 --title "Rota swap" --minutes 10',
          'mentee meeting topic m2 3 --move-to 1',
          'mentee meeting topic m2 2 --remove',
        ],
        load: lazy(meetingChanges, 'meetingTopicCommand'),
      },
    ],
  },
  {
    name: 'action',
    summary: 'action items: yours and what mentors offered',
    subcommands: [
      {
        name: 'add',
        summary: 'add an action',
        args: [{ name: '<title>' }],
        flags: [
          { flags: '--due <date>', help: 'due date, e.g. "next friday"' },
          { flags: '--goal <id>', help: 'the goal it serves', values: 'goal' },
          { flags: '--mentor <mentor>', help: 'the mentor it relates to', values: 'mentor' },
          {
            flags: '--owner <who>',
            help: 'me (default) or mentor, for something the mentor will do',
            values: ACTION_OWNERS,
          },
          note('a first note'),
          { flags: '--json', help: 'print the new action as JSON' },
        ],
        examples: ['mentee action add "Draft a personal statement" --due "next friday" --goal g1'],
        load: lazy(actions, 'actionAddCommand'),
      },
      actionList,
      {
        name: 'edit',
        summary: 'change an action',
        args: [{ name: '<id>', values: 'action' }],
        flags: [
          { flags: '--title <title>', help: 'new title' },
          { flags: '--due <date>', help: 'new due date' },
          { flags: '--clear-due', help: 'remove the due date' },
          { flags: '--goal <id>', help: 'link to a goal', values: 'goal' },
          { flags: '--mentor <mentor>', help: 'link to a mentor', values: 'mentor' },
          { flags: '--owner <who>', help: 'me or mentor', values: ACTION_OWNERS },
          note('add a note'),
        ],
        examples: ['mentee action edit a3 --due "in 2 weeks"'],
        load: lazy(actions, 'actionEditCommand'),
      },
      actionDone,
      actionStatus('drop', 'dropped', 'drop an action'),
      actionStatus('reopen', 'open', 'reopen a done or dropped action'),
    ],
  },
  // Two short forms, the same commands under another name with their own example.
  {
    ...actionList,
    name: 'actions',
    summary: 'open actions (same as action list)',
    examples: ['mentee actions --mentor lovelace'],
  },
  { ...actionDone, name: 'done', examples: ['mentee done a3 --note "Sent it"'] },
  {
    name: 'doctor',
    summary: 'check the journal, list its backups, restore one',
    flags: [
      json,
      {
        flags: '--restore <backup>',
        help: 'restore this backup (a number from the list, or its file), keeping the current journal aside',
        values: 'file',
      },
    ],
    examples: ['mentee doctor --restore 2'],
    load: lazy(() => import('../commands/doctor.js'), 'doctorCommand'),
  },
  {
    name: 'undo',
    summary: 'take back the last change (again to step further back, through the last 50)',
    flags: [json],
    examples: ['mentee undo', 'mentee history'],
    load: lazy(() => import('../commands/undo.js'), 'undoCommand'),
  },
  {
    name: 'redo',
    summary: 'put back the change undone last',
    flags: [json],
    examples: ['mentee redo'],
    load: lazy(() => import('../commands/undo.js'), 'redoCommand'),
  },
  {
    name: 'history',
    summary: 'list recent changes, newest first, that undo and redo step through',
    flags: [json, { flags: '--limit <n>', help: 'how many to list (default 20)' }],
    examples: ['mentee history --limit 5'],
    load: lazy(() => import('../commands/history.js'), 'historyCommand'),
  },
  {
    name: 'encrypt',
    summary: 'encrypt the journal and its backups with a passphrase',
    examples: ['mentee encrypt'],
    load: lazy(() => import('../commands/encryption.js'), 'encryptCommand'),
  },
  {
    name: 'decrypt',
    summary: 'turn an encrypted journal and its backups back into plain JSON',
    examples: ['mentee decrypt'],
    load: lazy(() => import('../commands/encryption.js'), 'decryptCommand'),
  },
  {
    name: 'sync',
    summary: 'bring the journal in step with your other devices through a git remote',
    flags: [json],
    examples: ['mentee sync init git@github.com:sam/mentee-journal.git', 'mentee sync'],
    load: lazy(sync, 'syncCommand'),
    subcommands: [
      {
        name: 'init',
        summary: 'connect the journal to a git remote: the first device sends it, the next takes it',
        args: [
          {
            name: '<remote>',
            help: 'a git URL, or the path of a bare repository (a USB stick, a NAS)',
            values: 'file',
          },
        ],
        flags: [json],
        examples: ['mentee sync init /media/usb/mentee.git', 'mentee sync init ssh://nas.local/srv/mentee.git'],
        load: lazy(sync, 'syncInitCommand'),
      },
      {
        name: 'status',
        summary: 'what there is to send and to fetch, and the changes a merge set aside',
        flags: [json, { flags: '--include-private', help: 'also show private text a merge set aside' }],
        examples: ['mentee sync status'],
        load: lazy(sync, 'syncStatusCommand'),
      },
      {
        name: 'dismiss',
        summary: 'forget the conflict notes sync status shows, once you have read them',
        examples: ['mentee sync dismiss'],
        load: lazy(sync, 'syncDismissCommand'),
      },
    ],
  },
  {
    name: 'show',
    summary: 'show one meeting, goal, action or mentor',
    args: [{ name: '<id>', help: 'm3, g1, a12 or a mentor', values: 'record' }],
    flags: [json, { flags: '--include-private', help: 'also show private reflections' }],
    examples: ['mentee show m1 --include-private'],
    load: lazy(() => import('../commands/show.js'), 'showCommand'),
  },
  {
    name: 'edit',
    summary: 'edit a meeting, action, goal or mentor in your editor ($VISUAL or $EDITOR)',
    args: [{ name: '<id>', help: 'm3, g1, a12 or a mentor', values: 'record' }],
    flags: [{ flags: '--include-private', help: 'also edit private reflections (left as they are otherwise)' }],
    examples: ['mentee edit m3', 'mentee edit lovelace', 'VISUAL="code --wait" mentee edit a12'],
    load: lazy(() => import('../commands/edit.js'), 'editCommand'),
  },
  {
    name: 'status',
    summary: 'what needs attention: next meeting, overdue actions, mentors to contact',
    flags: [json],
    examples: ['mentee status --json'],
    load: lazy(() => import('../commands/status.js'), 'statusCommand'),
  },
  {
    name: 'search',
    summary: 'find what was said: every text you wrote or received, newest first',
    args: [{ name: '[words...]', help: 'words that must all be there; "a phrase" in quotes (none with --tag)' }],
    flags: [
      { flags: '--mentor <mentor>', help: 'only texts concerning this mentor', values: 'mentor' },
      { flags: '--since <date>', help: 'only from this day, or the start of a period ("last month", "2025")' },
      { flags: '--to <date>', help: 'only up to this day, or the end of a period' },
      {
        flags: '--kind <kind>',
        help: 'only advice, feedback, decision, challenged, topic, action, goal or note',
        values: TEXT_KINDS,
      },
      tag('only records tagged with it'),
      { flags: '--include-private', help: 'search private reflections too' },
      { flags: '--limit <n>', help: 'show this many, newest first (default 20; --json: all)' },
      json,
    ],
    examples: ['mentee search research --mentor lovelace', 'mentee search \'"talk to a GP"\' --kind advice'],
    load: lazy(() => import('../commands/search.js'), 'searchCommand'),
  },
  {
    name: 'tags',
    summary: 'the #tags in your texts, most used first, with when each was last used',
    flags: [json, { flags: '--include-private', help: 'count tags in private reflections too' }],
    examples: ['mentee tags --json'],
    load: lazy(() => import('../commands/tags.js'), 'tagsCommand'),
  },
  {
    name: 'export',
    summary:
      'share an agenda, a meeting record, a progress summary, a calendar, a portfolio reflection or your development plan',
    flags: [
      {
        flags: '--format <format>',
        help: 'md, html, ics, json, portfolio (plain text for a portfolio form) or csv (default: from --out, else md)',
        values: EXPORT_FORMATS,
      },
      { flags: '--next', help: 'the agenda of the next planned meeting (the default when one is planned)' },
      { flags: '--meeting <id>', help: 'one meeting: its agenda, or its record once logged', values: 'meeting' },
      {
        flags: '--since <date>',
        help: 'a progress summary from this day, or from the start of a period ("last month", "this year")',
      },
      { flags: '--from <date>', help: 'the same as --since' },
      {
        flags: '--to <date>',
        help: 'the last day of the summary, or the end of a period ("last month") (default: now)',
      },
      { flags: '--all', help: 'the whole journal' },
      {
        flags: '--pdp',
        help: 'your goals as a personal development plan, one per goal (md, html, portfolio or csv)',
      },
      { flags: '--mentor <mentor>', help: 'only this mentor', values: 'mentor' },
      {
        flags: '--tag <tag>',
        help: 'only the meetings, actions and goals tagged #tag (with a summary, --all or --pdp)',
        values: 'tag',
      },
      ...documentFlags,
      { flags: '--schema', help: 'print the JSON Schema of --format json and stop' },
    ],
    examples: [
      'mentee export --since 2026-09-01 --mentor lovelace --out summary.html',
      'mentee export --next --out agenda.md',
      'mentee export --format ics --out meetings.ics',
      'mentee export --meeting m1 --format portfolio',
      'mentee export --pdp --out pdp.csv',
    ],
    load: lazy(() => import('../commands/export.js'), 'exportCommand'),
  },
  {
    name: 'review',
    summary: 'review a period for an appraisal or ARCP: goals, meetings against cadence, advice by tag, prompts',
    flags: [
      { flags: '--from <date>', help: 'the first day of the period, or a period\'s start ("last month", "2026")' },
      {
        flags: '--to <date>',
        help: 'the last day of the period, or the end of a period ("last month") (default: now)',
      },
      { flags: '--mentor <mentor>', help: 'only this mentor', values: 'mentor' },
      {
        flags: '--format <format>',
        help: 'md, html (with the timeline picture) or json (default: from --out, else md)',
        values: REVIEW_FORMATS,
      },
      { flags: '--json', help: 'the same as --format json' },
      ...documentFlags,
    ],
    examples: [
      'mentee review --from 2026-08-01 --to 2027-01-31 --out review.html',
      'mentee review --from "last month" --mentor lovelace',
    ],
    load: lazy(() => import('../commands/review.js'), 'reviewCommand'),
  },
  {
    name: 'templates',
    summary: 'list prep templates (built in and your own)',
    flags: [json],
    examples: ['mentee templates show career-decision'],
    load: lazy(templates, 'templatesListCommand'),
    // Its --json may also come before "show" (`mentee templates --json show x`): a group's flags reach its subcommands.
    subcommands: [
      {
        name: 'show',
        summary: 'show one prep template',
        args: [{ name: '<name>', values: 'template' }],
        flags: [json],
        examples: ['mentee templates show check-in --json'],
        load: lazy(templates, 'templatesShowCommand'),
      },
    ],
  },
  {
    name: 'completion',
    summary: 'print the shell completion script for bash, zsh or fish (see README)',
    args: [{ name: '<shell>', help: SHELLS.join(', '), values: SHELLS }],
    examples: ['mentee completion bash > ~/.local/share/bash-completion/completions/mentee'],
    load: lazy(() => import('./completion-scripts.js'), 'completionCommand'),
  },
  {
    name: 'config',
    summary:
      'your settings: date order, first day of the week, meeting length, prep template, editor, passphrase command',
    flags: [json],
    examples: ['mentee config set dateOrder dmy', 'mentee config list'],
    load: lazy(config, 'configListCommand'),
    subcommands: [
      {
        name: 'list',
        summary: 'every setting, its value and where it comes from',
        flags: [json],
        examples: ['mentee config list --json'],
        load: lazy(config, 'configListCommand'),
      },
      {
        name: 'get',
        summary: 'print the value of one setting in force',
        args: [{ name: '<key>', help: SETTING_KEYS.join(', '), values: SETTING_KEYS }],
        flags: [json],
        examples: ['mentee config get dateOrder'],
        load: lazy(config, 'configGetCommand'),
      },
      {
        name: 'set',
        summary: 'set one setting in your config file',
        args: [
          { name: '<key>', help: SETTING_KEYS.join(', '), values: SETTING_KEYS },
          { name: '<value>', help: 'e.g. dmy, monday, 45, career-decision, "code --wait", "pass show mentee"' },
        ],
        examples: ['mentee config set weekStart monday', 'mentee config set passphraseCommand "pass show mentee"'],
        load: lazy(config, 'configSetCommand'),
      },
      {
        name: 'unset',
        summary: 'remove one setting from your config file',
        args: [{ name: '<key>', values: SETTING_KEYS }],
        examples: ['mentee config unset editor'],
        load: lazy(config, 'configUnsetCommand'),
      },
    ],
  },
];

/** The program itself: plain `mentee`, with the options every command accepts. */
export const PROGRAM = {
  name: PROGRAM_NAME,
  summary: 'Prepare for every meeting with a mentor, log what you learn, share a clean summary.',
  flags: GLOBAL_FLAGS,
  examples: ['mentee prep --mentor lovelace --when "next thursday 17:30" --topic "Specialty choice:15"'],
  load: lazy(() => import('../commands/home.js'), 'homeCommand'),
  subcommands: COMMANDS,
} satisfies CommandSpec;
