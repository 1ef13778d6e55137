import { describe, expect, it } from 'vitest';
import { normalTag, tagsIn } from '../../src/core/tags.js';

describe('tags written in text', () => {
  it('finds each #word once, in lower case, in the order written', () => {
    expect(tagsIn('Talk #Research and #arcp-prep, then #research again. #wellbeing')).toEqual([
      'research',
      'arcp-prep',
      'wellbeing',
    ]);
  });

  it('takes no number, no # inside a word and no trailing dash as part of a tag', () => {
    expect(tagsIn('topic #2, C# and x#y, &#39; and #audit_')).toEqual(['audit']);
  });

  it('reads a tag typed for a filter with or without its #, in any case', () => {
    expect(normalTag(' #Research ')).toBe('research');
    expect(normalTag('arcp')).toBe('arcp');
  });
});
