import * as z from 'zod';
import type { Context } from '../commands/context.js';
import { parseOptions } from '../commands/parse-options.js';
import { oneOf } from '../input/flags.js';
import { COMPLETE_ENTRY, SHELLS, type Shell } from './completion-shells.js';
import { PROGRAM_NAME } from './version.js';

/**
 * The completion script for a shell: a thin function that, at each TAB, hands the words typed so far
 * to the hidden `mentee __complete` and offers what it answers (see complete.ts). Commands, flags and
 * values all come from the one command list at that moment, so the script never goes stale after an
 * upgrade. @PROGRAM@, @FUNCTION@ and @ENTRY@ below are filled in here.
 */
export function completionScript(shell: Shell, program: string = PROGRAM_NAME): string {
  return SCRIPTS[shell]
    .replaceAll('@PROGRAM@', program)
    .replaceAll('@FUNCTION@', program.replace(/[^A-Za-z0-9_]/g, '_'))
    .replaceAll('@ENTRY@', COMPLETE_ENTRY);
}

const SCRIPTS: Record<Shell, string> = {
  bash: `# bash completion for @PROGRAM@: made by \`@PROGRAM@ completion bash\`. Every candidate comes from
# @PROGRAM@ itself at each TAB (\`@PROGRAM@ @ENTRY@\`), so the script never needs making again.
_@FUNCTION@() {
  local -a words=()
  local index word
  # bash splits words at = and : (--format=md, --review a3=done): put them back as @PROGRAM@ reads them.
  for ((index = 1; index <= COMP_CWORD; index++)); do
    word=\${COMP_WORDS[index]}
    if ((\${#words[@]})) && [[ $word == [=:]* || \${words[\${#words[@]} - 1]} == *[=:] ]]; then
      words[\${#words[@]} - 1]+=$word
    else
      words+=("$word")
    fi
  done
  local typed=\${words[\${#words[@]} - 1]}
  # Only what follows the last = or : is bash's word to replace.
  local head=\${typed%"\${COMP_WORDS[COMP_CWORD]}"}
  # The words before it as @PROGRAM@ will get them (--journal "my folder/j.json"), read here and never run.
  local REPLY
  for ((index = 0; index < \${#words[@]} - 1; index++)); do
    _@FUNCTION@_unquote "\${words[index]}"
    words[index]=$REPLY
  done
  local answer
  answer=$(command @PROGRAM@ @ENTRY@ "\${words[@]}" 2>/dev/null) || return 0
  local directive=\${answer##*:}
  answer=\${answer%:*}
  COMPREPLY=()
  local line
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("\${line%%$'\\t'*}")
  done <<<"$answer"
  if ((\${#COMPREPLY[@]})); then
    COMPREPLY=("\${COMPREPLY[@]#"$head"}")
  elif (((directive & 4) == 0)); then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "\${COMP_WORDS[COMP_CWORD]}")
  fi
}

# A word as bash will pass it on, in REPLY: its quotes and backslashes taken away, character by
# character (never eval: nothing typed is run at a TAB).
_@FUNCTION@_unquote() {
  local rest=$1 char quote=
  REPLY=
  while [[ -n $rest ]]; do
    char=\${rest:0:1} rest=\${rest:1}
    if [[ $quote == "'" ]]; then
      if [[ $char == "'" ]]; then quote=; else REPLY+=$char; fi
    elif [[ $char == '\\' ]]; then
      if [[ -z $quote || \${rest:0:1} == [\\$\\\`\\"\\\\] ]]; then REPLY+=\${rest:0:1} rest=\${rest:1}; else REPLY+=$char; fi
    elif [[ $char == '"' ]]; then
      if [[ -n $quote ]]; then quote=; else quote='"'; fi
    elif [[ $char == "'" && -z $quote ]]; then
      quote="'"
    else
      REPLY+=$char
    fi
  done
}
complete -F _@FUNCTION@ @PROGRAM@
`,
  zsh: `#compdef @PROGRAM@
# zsh completion for @PROGRAM@: made by \`@PROGRAM@ completion zsh\`. Every candidate comes from
# @PROGRAM@ itself at each TAB (\`@PROGRAM@ @ENTRY@\`), so the script never needs making again.
_@FUNCTION@() {
  local -a lines candidates
  local answer directive line value description
  answer=$(command @PROGRAM@ @ENTRY@ "\${(@Q)words[2,CURRENT-1]}" "\${(Q)words[CURRENT]}" 2>/dev/null) || return 1
  lines=("\${(@f)answer}")
  directive=\${lines[-1]#:}
  for line in "\${(@)lines[1,-2]}"; do
    [[ -n $line ]] || continue
    value=\${line%%$'\\t'*}
    description=
    [[ $line == *$'\\t'* ]] && description=\${line#*$'\\t'}
    candidates+=("\${value//:/\\\\:}\${description:+:$description}")
  done
  if ((\${#candidates})); then
    _describe -t values '@PROGRAM@' candidates
  elif (((directive & 4) == 0)); then
    _files
  else
    return 1
  fi
}

# As a file named _@PROGRAM@ in $fpath, compinit calls it; sourced, it registers itself.
if [[ \${funcstack[1]} == _@FUNCTION@ ]]; then
  _@FUNCTION@ "$@"
else
  compdef _@FUNCTION@ @PROGRAM@
fi
`,
  fish: `# fish completion for @PROGRAM@: made by \`@PROGRAM@ completion fish\`. Every candidate comes from
# @PROGRAM@ itself at each TAB (\`@PROGRAM@ @ENTRY@\`), so the script never needs making again.
function __@FUNCTION@_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l typed (commandline -ct)
    set -l lines (command @PROGRAM@ @ENTRY@ $words "$typed" 2>/dev/null)
    or return
    set -l directive (string replace -r '^:' '' -- $lines[-1])
    set -e lines[-1]
    if test (count $lines) -gt 0
        printf '%s\\n' $lines
    else if test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path "$typed"
    end
end
complete -c @PROGRAM@ -f -a '(__@FUNCTION@_complete)'
`,
};

const completionInput = z.object({ shell: oneOf(SHELLS) });

/** `mentee completion bash|zsh|fish`: the script, on stdout, for the README's places to put it. */
export async function completionCommand(ctx: Context, shell: string, _raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(completionInput, { shell });
  ctx.print(completionScript(input.shell).trimEnd());
}
