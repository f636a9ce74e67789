// The shell tokenizer against a real bash: each input is run by bash with `curl` defined as a
// function that prints its arguments NUL-separated, and the words must be the same.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { shellCommands } from '../../../src/core/debugger/shellWords';

const ENV: Record<string, string> = {
  TOKEN: 'tok-123',
  SPACED: 'a  b\tc',
  EMPTY: '',
  TENCENTCLOUD_SESSION_TOKEN: 'sess/+=',
  TRTC_USERSIG: 'eJw"quote\'s',
};
const HOME = '/home/tester';

/** Shell-quoted curl command lines as people paste them; bash decides what curl receives. */
const TABLE: string[] = [
  `curl -X POST https://trtc.tencentcloudapi.com/ -H 'Content-Type: application/json' -d '{"a":1}'`,
  `curl "a\\b" "a\\"b" "\\$x" "a\\\\b" "\\n" "x\\\`y"`,
  `curl "line\\\ncontinued" plain\\\nword`,
  `curl 'single \\ stays' 'it'\\''s' "don't"`,
  `curl $'\\x41\\u672a\\'q\\t\\101\\e' $'a\\cAb' $'\\''`,
  `curl $'\\xe6\\x9c\\xaa\\xe5\\x91\\xbd' $'\\u00e9\\U0001F600' $'\\z'`,
  `curl $"translated" "$TOKEN" $TOKEN \${TOKEN} '$TOKEN'`,
  `curl $SPACED "$SPACED" x$SPACED"y"`,
  `curl $EMPTY "" '' "$EMPTY" a$EMPTY`,
  `curl a#b #comment here`,
  `curl -H "X-TC-Token: $TENCENTCLOUD_SESSION_TOKEN" --data-raw '{"UserSig":"'"$TRTC_USERSIG"'"}'`,
  `curl {a,b}c x{1..3} {01..03} {a..c} {x,y{1,2}} '{a,b}' "{a,b}" {a} {} {a,b`,
  `curl -d {"RoomId":1,"SdkAppId":2}`,
  `curl ~ ~/x a~ '~'`,
  `curl 'https://x/?a=1&b=2' a\\ b \\"q\\"`,
  `curl -d 'multi\nline' "and\n  more"`,
  `curl 2>/dev/null -o out.json --url https://x/ 2>&1`,
  `curl "\\$(not run)" '$(not run)' \\$HOME`,
  `curl $1 $@ - '$' a$ "$" $`,
  `curl "a"'b'$'c'd "$TOKEN"x'$TOKEN'`,
];

function bashWords(line: string): string[] {
  const script = `set -f; curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }; ${line}`;
  const out = execFileSync('bash', ['-c', script], { env: { ...ENV, HOME, LC_ALL: 'C.UTF-8', PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

function ourWords(line: string): string[] {
  const commands = shellCommands(line, { variable: (name) => ENV[name] ?? '', home: HOME });
  const curl = commands.find((c) => c.words[0] === 'curl');
  assert.ok(curl, `no curl command in ${line}`);
  return curl.words.slice(1);
}

describe('shell words, checked against bash', () => {
  for (const line of TABLE) {
    test(line.replace(/\n/g, '⏎'), () => {
      assert.deepEqual(ourWords(line), bashWords(line));
    });
  }
});

describe('what the tokenizer reports besides the words', () => {
  test('unknown variables stay as $NAME text and are listed', () => {
    const [cmd] = shellCommands(`curl -H "X-TC-Token: $TENCENTCLOUD_SESSION_TOKEN" \${OTHER:-x} $KNOWN`, { variable: (n) => (n === 'KNOWN' ? 'k' : undefined) });
    assert.deepEqual(cmd.words, ['curl', '-H', 'X-TC-Token: $TENCENTCLOUD_SESSION_TOKEN', '${OTHER:-x}', 'k']);
    assert.deepEqual(cmd.unresolved, ['TENCENTCLOUD_SESSION_TOKEN', 'OTHER']);
    assert.deepEqual(cmd.resolved, ['KNOWN']);
  });

  test('command substitutions are flagged, never run', () => {
    for (const text of ['curl -H "X-TC-Timestamp: $(date +%s)" x', 'curl `date` x', 'curl $((1+2))']) {
      assert.equal(shellCommands(text)[0].substitution, true, text);
    }
    assert.equal(shellCommands(`curl '$(date)' "\\$(date)"`)[0].substitution, false);
  });

  test('operators split commands; redirections and here-documents are kept apart from the words', () => {
    const cmds = shellCommands("echo hi && curl -d @- https://x/ <<'EOF' | jq . ; ls\n{\"a\": 1}\nEOF\ncurl y 2>&1");
    assert.deepEqual(
      cmds.map((c) => [c.words, c.terminator, c.line]),
      [
        [['echo', 'hi'], '&&', 1],
        [['curl', '-d', '@-', 'https://x/'], '|', 1],
        [['jq', '.'], ';', 1],
        [['ls'], '\n', 1],
        [['curl', 'y'], '', 4],
      ],
    );
    assert.deepEqual(cmds[1].redirects, [{ op: '<<', target: 'EOF', expands: false, hereDocument: '{"a": 1}\n' }]);
    assert.deepEqual(cmds[4].redirects, [{ op: '2>&', target: '1' }]);
  });

  test('a backslash before CR LF continues the line, as a command copied from Windows means', () => {
    assert.deepEqual(shellCommands('curl a \\\r\n  b\r\n')[0].words, ['curl', 'a', 'b']);
  });
});
