using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using KneeReset.Core.Tests;

namespace KneeReset.Web.Tests.Api;

/// <summary>
/// Hostile bodies to POST /api/assessments: random bytes, answers with bytes spliced in, and
/// JSON of any shape with lone surrogates and invalid UTF-8. Whatever arrives, the answer is
/// never a 5xx (issue 9, finding 2).
/// </summary>
public class AssessmentsFuzzTests(KneeResetFactory factory) : IClassFixture<KneeResetFactory>
{
    private static readonly int Cases = PropertyIterations.Or(200);

    /// <summary>Bytes that are not UTF-8, or encode what UTF-8 must not (a surrogate, an overlong form).</summary>
    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];

    private static readonly string ValidBody = "{\"answers\":" + RunnerResults.KneecapAnswers().ToJsonString() + "}";

    [Fact]
    public async Task Random_bytes_never_get_a_5xx() =>
        await Gen.Byte.Array[0, 300].SampleAsync(PostAsync, iter: Cases, threads: 1, print: Show);

    [Fact]
    public async Task Valid_answers_with_bytes_spliced_in_never_get_a_5xx()
    {
        var valid = Encoding.UTF8.GetBytes(ValidBody);
        var splice = Gen.Select(Gen.Int[0, valid.Length], Gen.Int[0, 4], Gen.OneOf(BadUtf8).Array[1, 3],
            (at, cut, bad) => valid[..at].Concat(bad.SelectMany(b => b)).Concat(valid[Math.Min(valid.Length, at + cut)..]).ToArray());
        await splice.SampleAsync(PostAsync, iter: Cases, threads: 1, print: Show);
    }

    [Fact]
    public async Task Json_of_any_shape_with_lone_surrogates_never_gets_a_5xx()
    {
        var ids = new[] { "age", "location", "worst_pain", "red_flags", "onset", "answers", "" };
        // Any UTF-16 code unit, lone surrogates included, written as \uXXXX escapes.
        var text = Gen.OneOf(Gen.Char, Gen.Char['\uD800', '\uDFFF'], Gen.Char['a', 'z']).Array[0, 6].Select(Escape);
        var key = Gen.OneOf(Gen.OneOf(ids).Select(id => $"\"{id}\""), text);
        var json = Gen.Recursive<string>((depth, inner) => depth > 3
            ? Gen.OneOf(text, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999"), Gen.OneOf("true", "null", "-0", "1e-400"))
            : Gen.OneOf(
                text,
                Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
                inner.Array[0, 4].Select(items => $"[{string.Join(",", items)}]"),
                Gen.Select(key, inner).Array[0, 5].Select(pairs => $"{{{string.Join(",", pairs.Select(p => $"{p.Item1}:{p.Item2}"))}}}")));
        var body = Gen.OneOf(json, json.Select(j => $"{{\"answers\":{j}}}"), Gen.Select(key, json).Select((k, j) => $"{{\"answers\":{{{k}:{j}}}}}"));
        await body.Select(b => Encoding.UTF8.GetBytes(b)).SampleAsync(PostAsync, iter: Cases, threads: 1, print: Show);
    }

    private async Task PostAsync(byte[] body)
    {
        using var client = factory.CreateBrowser();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri("/api/assessments", UriKind.Relative), content);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            throw new InvalidOperationException($"{status} for {Show(body)}: {await response.Content.ReadAsStringAsync()}");
        }
        if (status is >= 400 and < 500)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static string Escape(char[] chars) =>
        "\"" + string.Concat(chars.Select(c => c is >= 'a' and <= 'z' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";

    private static string Show(byte[] body) => Convert.ToHexString(body);
}
