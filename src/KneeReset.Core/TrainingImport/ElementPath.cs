using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// Walks a reader from element to element, keeping the names of the open elements by depth, so a
/// track reader can tell an element by where it stands (a track point's &lt;time&gt; from any other).
/// </summary>
internal sealed class ElementPath(XmlReader xml)
{
    // Deeper than any element a reader asks about: deeper ones are walked, not named.
    private readonly string?[] _names = new string?[16];

    /// <summary>The name of the element open at <paramref name="depth"/> (the last one met there).</summary>
    public string? this[int depth] => _names[depth];

    /// <summary>Steps past end tags and text to the next element's start, if not at one, and notes its name; false at the end.</summary>
    public bool SkipToElement()
    {
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                if (xml.Depth < _names.Length)
                {
                    _names[xml.Depth] = xml.LocalName;
                }
                return true;
            }
            xml.Read();
        }
        return false;
    }
}
