using System.Text;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// A look over an XML file's characters before it is parsed, for what the parser cannot be asked
/// to refuse in time: it reads a whole start tag, with every attribute, before anyone can look at
/// it, so a tag of millions of attributes costs memory and time first. Counting the attributes of
/// each start tag (the '=' outside quoted values) needs no memory, and in every part the parser
/// accepts it counts exactly what the parser would; where the file is malformed the parser stops anyway.
/// </summary>
internal static class XmlShape
{
    private enum State
    {
        Text,
        TagOpen,
        StartTag,
        EndTag,
        Quoted,
        Markup, // after "<!": a comment, a CDATA section or a declaration
        Comment,
        CData,
        Instruction,
    }

    /// <exception cref="TrainingImportException">A start tag has more attributes than <see cref="ImportLimits.MaxXmlAttributes"/>.</exception>
    public static void Check(byte[] content, ReadContext context)
    {
        // Decoded in small pieces, by the byte-order mark as the parser does, so multi-byte text cannot hide a quote.
        using var reader = new StreamReader(new MemoryStream(content, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var chunk = new char[16 * 1024];
        var (state, quote, attributes, line) = (State.Text, '\0', 0, 1);
        var (opening, matched) = ("", 0); // the "<!" section being recognised, and how much of it (or of an end marker) has been seen
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            for (var i = 0; i < read; i++)
            {
                var c = chunk[i];
                if (c == '\n')
                {
                    line++;
                }
                switch (state)
                {
                    case State.Text when c == '<':
                        state = State.TagOpen;
                        break;
                    case State.TagOpen:
                        (state, attributes, matched) = c switch
                        {
                            '/' => (State.EndTag, 0, 0),
                            '?' => (State.Instruction, 0, 0),
                            '!' => (State.Markup, 0, 0),
                            _ => (State.StartTag, 0, 0),
                        };
                        break;
                    case State.StartTag or State.EndTag when c is '"' or '\'':
                        (state, quote) = (State.Quoted, c);
                        break;
                    case State.StartTag when c == '=' && ++attributes > ImportLimits.MaxXmlAttributes:
                        throw context.Error($"line {line}: an element has more than {ImportLimits.MaxXmlAttributes} attributes, far more than any GPX or TCX file needs.");
                    case State.StartTag or State.EndTag when c == '>':
                        state = State.Text;
                        break;
                    case State.Quoted when c == quote:
                        state = State.StartTag;
                        break;
                    case State.Markup:
                        opening = matched == 0 ? c switch { '-' => "--", '[' => "[CDATA[", _ => "" } : opening;
                        if (matched >= opening.Length || opening[matched] != c)
                        {
                            return; // a DTD, or not XML: the parser refuses it where it stands
                        }
                        if (++matched == opening.Length)
                        {
                            (state, matched) = (opening == "--" ? State.Comment : State.CData, 0);
                        }
                        break;
                    case State.Comment:
                        (state, matched) = Closing(c, '-', 2, matched, state);
                        break;
                    case State.CData:
                        (state, matched) = Closing(c, ']', 2, matched, state);
                        break;
                    case State.Instruction:
                        (state, matched) = Closing(c, '?', 1, matched, state);
                        break;
                }
            }
        }
    }

    /// <summary>Follows an end marker of <paramref name="count"/> × <paramref name="mark"/> then '&gt;' ("--&gt;", "]]&gt;", "?&gt;").</summary>
    private static (State, int) Closing(char c, char mark, int count, int matched, State within) =>
        c == mark ? (within, Math.Min(matched + 1, count))
        : c == '>' && matched == count ? (State.Text, 0)
        : (within, 0);
}
