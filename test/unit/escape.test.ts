import { describe, expect, it } from 'vitest';
import { defuseMentions, htmlText, markdownCode, markdownText, mention, workflowLogLine, workflowMessage, workflowProperty } from '../../src/render/escape.js';

describe('escaping hostile record text', () => {
  it('markdownText renders no HTML, link, image, heading or mention', () => {
    const out = markdownText('# <img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) @octocat');
    expect(out).not.toMatch(/<img|\]\(|@octocat/);
    expect(out).toContain('&lt;img');
    expect(out).toContain('\\[click\\]');
    expect(out).toContain('@\u200docto');
    expect(out.startsWith('\\#')).toBe(true);
  });

  it('markdownText leaves no bare URL for GitHub to autolink', () => {
    expect(markdownText('see https://evil.example and www.evil.example')).not.toMatch(/https:\/\/|www\./);
  });

  it('markdownCode cannot be closed by backticks inside', () => {
    for (const text of ['a`b', '``x``', '`', 'name`\n@here [x](y)']) {
      const code = markdownCode(text);
      const fence = /^`+/.exec(code)![0];
      expect(code.endsWith(fence)).toBe(true);
      expect(code.slice(fence.length, -fence.length)).not.toContain(fence);
      expect(code).not.toContain('\n');
    }
  });

  it('mention keeps real handles and quotes anything else', () => {
    expect(mention('ada-l')).toBe('@ada-l');
    expect(mention('evil/team')).toBe('`evil/team`');
  });

  it('defuseMentions keeps the text readable', () => {
    expect(defuseMentions('ask @ada').replace('\u200d', '')).toBe('ask @ada');
  });

  it('shows bidi overrides and isolates escaped in Markdown text, code and HTML, so no name reverses how its line reads', () => {
    const name = 'W47\u202eLMY.yaml \u2066x\u2069';
    for (const out of [markdownText(name), markdownCode(name), htmlText(name)]) {
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('u202e');
      expect(out).toContain('u2066');
    }
    expect(markdownText(name)).toBe('W47\\\\u202eLMY.yaml \\\\u2066x\\\\u2069');
  });

  it('htmlText escapes every character that could open a tag or end an attribute', () => {
    expect(htmlText(`"><script>alert('x')</script>&`)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
  });

  it('workflow command text cannot end the command or start another', () => {
    expect(workflowMessage('bad\n::add-mask::secret\r100%')).toBe('bad%0A::add-mask::secret%0D100%25');
    expect(workflowProperty('a,b:c\nd')).toBe('a%2Cb%3Ac%0Ad');
    expect(workflowMessage('\u001b[31mred')).not.toContain('\u001b');
  });

  it('workflowLogLine keeps a line of record text from being read as a workflow command', () => {
    const out = workflowLogLine('fine\n::warning::spoofed\n  ::set-output name=x::y');
    for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });
});
