import { cause, q, text } from './causeText';
import type { LocalizedText } from './types';

/** The causes of the legacy HmacSHA1/HmacSHA256 signatures. */
export const LEGACY_CAUSES = {
  legacyMissingParam: (names: string[]) =>
    cause(
      'legacy-missing-param',
      'params',
      text(`Required parameters are missing: ${names.join(', ')}`, `缺少必需参数：${names.join('、')}`),
      text(
        `A request signed with HmacSHA1 or HmacSHA256 carries its common parameters with the others; ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not there.`,
        `使用 HmacSHA1 或 HmacSHA256 签名的请求需要把公共参数与其他参数放在一起；请求中缺少 ${names.join('、')}。`,
      ),
      text('Add Action, Version, Timestamp, Nonce, SecretId and Signature (and Region where the action needs it).', '补上 Action、Version、Timestamp、Nonce、SecretId 和 Signature（接口需要时还有 Region）。'),
    ),

  legacyMalformedEncoding: () =>
    cause(
      'legacy-malformed-encoding',
      'params',
      text('The parameters are not valid URL encoding', '参数不是合法的 URL 编码'),
      text('A "%" in the parameters is not followed by two hex digits, or the bytes are not UTF-8, so the server cannot decode them.', '参数中的 "%" 后面不是两位十六进制数字，或字节不是 UTF-8，服务端无法解码。'),
      text('Encode every value exactly once with RFC 3986 percent-encoding (upper-case hex) in UTF-8.', '对每个值按 RFC 3986（大写十六进制、UTF-8）只编码一次。'),
    ),

  legacyParamsUnsorted: (how: LocalizedText) =>
    cause(
      'legacy-params-unsorted',
      'sortedParams',
      text('The parameters were not sorted by name', '参数没有按名称排序'),
      text(
        `Your code built the source string with the parameters ${how.en}. They must be sorted by name in plain ASCII order (so InstanceIds.12 comes before InstanceIds.2).`,
        `代码构造源串时参数${how.zh}。参数必须按名称的 ASCII 顺序排列（因此 InstanceIds.12 排在 InstanceIds.2 之前）。`,
      ),
      text('Sort the parameter names with a plain string comparison (not a locale or natural sort) before joining them.', '拼接前用普通字符串比较（不要用本地化或自然排序）对参数名排序。'),
    ),

  legacySignedEncoded: (example: string, how?: LocalizedText) =>
    cause(
      'legacy-signed-encoded',
      'sourceString',
      text('The source string used URL-encoded values', '源串使用了 URL 编码后的值'),
      text(
        `Your code signed the values after URL-encoding them${how ? ' ' + how.en : ''} (such as ${q(example)}). The source string takes the raw values; encoding comes after signing.`,
        `代码签名时使用了 URL 编码后的值${how ? '（编码方式：' + how.zh + '）' : ''}（例如 ${q(example)}）。源串应使用原始值，编码在签名之后进行。`,
      ),
      text('Build the source string from the raw values, then URL-encode each value once when building the query string or body.', '用原始值构造源串，然后在拼接查询串或请求体时对每个值编码一次。'),
    ),

  legacyDoubleEncoded: (example: string) =>
    cause(
      'legacy-double-encoded',
      'sortedParams',
      text('The values were URL-encoded twice', '参数值被 URL 编码了两次'),
      text(
        `After one decoding some values still hold %XX sequences (such as ${q(example)}): they were encoded twice on the way out, so the server sees different values from the ones signed.`,
        `解码一次后，有些值仍然含有 %XX（例如 ${q(example)}）：发送时被编码了两次，服务端看到的值与签名时的不同。`,
      ),
      text('Encode each value exactly once; if your HTTP library encodes the query for you, give it the raw values.', '每个值只编码一次；如果 HTTP 库会自动编码查询串，就把原始值交给它。'),
    ),

  legacyUnflattenedParam: (names: string[]) =>
    cause(
      'legacy-unflattened-param',
      'sortedParams',
      text('A nested parameter was sent as JSON', '嵌套参数以 JSON 形式发送'),
      text(
        `The value of ${names.join(', ')} is JSON text. With HmacSHA1/HmacSHA256, nested parameters are flattened into names such as Filters.0.Name, each with a plain value.`,
        `${names.join('、')} 的值是 JSON 文本。使用 HmacSHA1/HmacSHA256 时，嵌套参数要展开成 Filters.0.Name 这样的名称，每个名称对应一个普通值。`,
      ),
      text('Flatten nested objects and arrays (Parent.Child, Parent.0) before signing and sending, or use TC3-HMAC-SHA256 with a JSON body.', '签名和发送前展开嵌套的对象和数组（Parent.Child、Parent.0），或改用 TC3-HMAC-SHA256 发送 JSON 请求体。'),
    ),

  legacyMethodLowercase: (method: string) =>
    cause(
      'legacy-method-lowercase',
      'sourceString',
      text('The method in the source string is not upper case', '源串中的请求方法不是大写'),
      text(`Your code started the source string with ${q(method.toLowerCase())}; it must be ${method.toUpperCase()}.`, `代码构造的源串以 ${q(method.toLowerCase())} 开头；应为 ${method.toUpperCase()}。`),
      text('Use the upper-case method: GET or POST.', '使用大写的方法名：GET 或 POST。'),
    ),

  legacyPath: (signed: string, expected: string) =>
    cause(
      'legacy-path',
      'sourceString',
      text('The path in the source string is wrong', '源串中的路径不对'),
      text(
        `Your code put ${q(signed)} between the host and "?" in the source string; it must be the path requested, ${q(expected)}.`,
        `代码在源串的主机和 "?" 之间放的是 ${q(signed)}；应为请求的路径 ${q(expected)}。`,
      ),
      text('Build the source string as METHOD + host + "/" + "?" + sorted parameters.', '按 方法 + 主机 + "/" + "?" + 排序后的参数 构造源串。'),
    ),

  legacyMissingQuestionMark: () =>
    cause(
      'legacy-missing-question-mark',
      'sourceString',
      text('The source string has no "?"', '源串中缺少 "?"'),
      text('Your code joined the path and the parameters without the "?" between them.', '代码拼接路径和参数时漏掉了中间的 "?"。'),
      text('Build the source string as METHOD + host + path + "?" + parameters.', '按 方法 + 主机 + 路径 + "?" + 参数 构造源串。'),
    ),

  legacySha256WithoutMethod: () =>
    cause(
      'legacy-sha256-without-method',
      'signatureMethod',
      text('Signed with HmacSHA256 but SignatureMethod is not HmacSHA256', '使用 HmacSHA256 签名，但 SignatureMethod 不是 HmacSHA256'),
      text(
        'The signature is 32 bytes long, a SHA-256 HMAC, but the request does not say SignatureMethod=HmacSHA256, so the server checks it with HmacSHA1.',
        '签名长 32 字节，是 SHA-256 的 HMAC，但请求中没有 SignatureMethod=HmacSHA256，服务端会按 HmacSHA1 校验。',
      ),
      text('Add SignatureMethod=HmacSHA256 to the parameters (before signing, since it is signed too), or sign with HmacSHA1.', '在参数中加入 SignatureMethod=HmacSHA256（它也参与签名，需在签名前加入），或改用 HmacSHA1 签名。'),
    ),

  legacySha1WithSha256Method: () =>
    cause(
      'legacy-sha1-with-sha256-method',
      'signatureMethod',
      text('SignatureMethod is HmacSHA256 but the signature is HmacSHA1', 'SignatureMethod 为 HmacSHA256，但签名是 HmacSHA1'),
      text(
        'The request says SignatureMethod=HmacSHA256, but the signature is 20 bytes long, a SHA-1 HMAC. The server checks it with SHA-256.',
        '请求声明 SignatureMethod=HmacSHA256，但签名长 20 字节，是 SHA-1 的 HMAC。服务端会按 SHA-256 校验。',
      ),
      text('Compute the HMAC with SHA-256 when SignatureMethod is HmacSHA256, or drop the parameter to use HmacSHA1.', 'SignatureMethod 为 HmacSHA256 时请用 SHA-256 计算 HMAC，或去掉该参数改用 HmacSHA1。'),
    ),

  legacySignatureMethodInvalid: (value: string) =>
    cause(
      'legacy-signature-method-invalid',
      'signatureMethod',
      text('SignatureMethod has an unknown value', 'SignatureMethod 的值无效'),
      text(`SignatureMethod is ${q(value)}; the only values are HmacSHA1 and HmacSHA256 (exact case). Anything else is checked as HmacSHA1.`, `SignatureMethod 为 ${q(value)}；只能取 HmacSHA1 或 HmacSHA256（大小写一致），其他值都按 HmacSHA1 校验。`),
      text('Write SignatureMethod=HmacSHA256 or SignatureMethod=HmacSHA1 exactly.', '准确写成 SignatureMethod=HmacSHA256 或 SignatureMethod=HmacSHA1。'),
    ),

  legacySignatureNotEncoded: () =>
    cause(
      'legacy-signature-not-encoded',
      'signature',
      text('The Signature value is not URL-encoded', 'Signature 的值没有做 URL 编码'),
      text(
        'The Base64 signature contains "+" (or "/" and "=") sent as is. In a query string or form body a raw "+" is read as a space, so the server sees a different signature.',
        'Base64 签名中的 "+"（以及 "/"、"="）被原样发送。在查询串或表单中，未编码的 "+" 会被当作空格，服务端看到的签名就变了。',
      ),
      text('URL-encode the Signature value like every other value (+ becomes %2B, / becomes %2F, = becomes %3D).', '像其他值一样对 Signature 做 URL 编码（+ 变为 %2B，/ 变为 %2F，= 变为 %3D）。'),
    ),

  legacySignatureDoubleEncoded: (matches: boolean) =>
    cause(
      'legacy-signature-double-encoded',
      'signature',
      text('The Signature was URL-encoded twice', 'Signature 被 URL 编码了两次'),
      text(
        `Decoded once, the Signature still holds %XX sequences; decoded twice it is a valid Base64 value${matches ? ', and that value is the correct signature' : ''}. The server decodes once, so it compares a different text.`,
        `解码一次后 Signature 仍含有 %XX；解码两次才是合法的 Base64${matches ? '，而且正是正确的签名' : ''}。服务端只解码一次，比对的是另一段文本。`,
      ),
      text('Encode the Signature once, like every other value; if your HTTP library encodes the query for you, give it the raw Base64.', '像其他值一样只对 Signature 编码一次；如果 HTTP 库会自动编码查询串，就把原始 Base64 交给它。'),
    ),

  legacyExtraQuestionMark: () =>
    cause(
      'legacy-extra-question-mark',
      'sourceString',
      text('The source string has "?" twice', '源串中有两个 "?"'),
      text('Your code joined "?" and a parameter string that already starts with "?".', '代码在 "?" 后面拼接了一个本身就以 "?" 开头的参数串。'),
      text('Build the source string as METHOD + host + path + "?" + parameters, with the parameters not starting with "?".', '按 方法 + 主机 + 路径 + "?" + 参数 构造源串，参数串本身不要以 "?" 开头。'),
    ),

  legacyPlusInValue: (spaceReading: boolean) =>
    cause(
      'legacy-plus-in-value',
      'params',
      spaceReading
        ? text('A "+" in the values stands for a space', '参数值中的 "+" 表示空格')
        : text('A "+" sent unencoded is read as a space', '未编码的 "+" 会被当作空格'),
      spaceReading
        ? text(
            'The request carries "+" in its values and verifies when each is read as a space, as form decoding does: your code encoded spaces the form way. That is fine for a form decoder; %20 says the same and is never misread.',
            '请求的参数值中有 "+"，按表单解码把它当作空格时签名正确：代码用表单方式编码了空格。表单解码器能正确处理；写成 %20 含义相同且不会被误读。',
          )
        : text(
            'The request carries "+" in its values and verifies only when it is read as a plus sign. Form decoding, which query strings and form bodies get, reads "+" as a space, so the server may see another value.',
            '请求的参数值中有 "+"，只有把它当作加号时签名才正确。查询串和表单请求体按表单解码，会把 "+" 当作空格，服务端看到的值可能不同。',
          ),
      text('Encode a plus sign as %2B and a space as %20.', '把加号编码为 %2B，空格编码为 %20。'),
    ),
};
