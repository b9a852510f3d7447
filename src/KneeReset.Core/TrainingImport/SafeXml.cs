using System.Globalization;
using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// XML reading that refuses anything a track file never needs: no DTD, so no entity (internal,
/// external or a "billion laughs" bomb) can be declared or expanded, and nothing is fetched; and
/// no shape that makes the reader hold more than a track file would (deep nesting, floods of
/// attributes or of new names), refused as soon as the reader meets it.
/// </summary>
internal static class SafeXml
{
    public static XmlReader Open(byte[] content, ReadContext context)
    {
        XmlShape.Check(content, context);
        return new BoundedXmlReader(XmlReader.Create(new MemoryStream(content, writable: false), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // With DTDs refused no entity can be declared; the cap is a second fence. (0 would mean "no limit".)
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = content.Length,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            NameTable = new BoundedNameTable(ImportLimits.MaxXmlNames, context),
        }), context);
    }

    /// <summary>The current element's text as a number, or a plain error naming the element and line.</summary>
    public static double ReadNumber(XmlReader xml, ReadContext context)
    {
        var (name, line) = (xml.LocalName, LineOf(xml));
        var text = xml.ReadElementContentAsString().Trim();
        return ParseNumber(text, name, line, context);
    }

    public static double ParseNumber(string text, string what, int line, ReadContext context) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw context.Error($"line {line}: {what} should be a number but is '{ReadContext.Shorten(text)}'.");

    /// <summary>The current element's text as a time; GPX and TCX times are UTC unless they carry an offset.</summary>
    public static DateTimeOffset ReadTime(XmlReader xml, ReadContext context)
    {
        var (name, line) = (xml.LocalName, LineOf(xml));
        return ParseTime(xml.ReadElementContentAsString().Trim(), name, line, context);
    }

    public static DateTimeOffset ParseTime(string text, string what, int line, ReadContext context)
    {
        try
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
                ? time
                : throw context.Error($"line {line}: {what} should be a date and time but is '{ReadContext.Shorten(text)}'.");
        }
        catch (ArgumentOutOfRangeException e)
        {
            // A time at the calendar's very edge whose offset takes it past the edge.
            throw context.Error($"line {line}: {what} '{ReadContext.Shorten(text)}' is outside the calendar.", e);
        }
    }

    /// <summary>A latitude/longitude pair, checked to be on Earth.</summary>
    public static (double Lat, double Lon) CheckPosition(double lat, double lon, int line, ReadContext context) =>
        lat is >= -90 and <= 90 && lon is >= -180 and <= 180
            ? (lat, lon)
            : throw context.Error($"line {line}: the position {lat}, {lon} is not on Earth.");

    public static int LineOf(XmlReader xml) => xml is IXmlLineInfo info ? info.LineNumber : 0;

    /// <summary>
    /// Keeps every name the reader meets, but no more than <paramref name="maxNames"/> of them:
    /// the reader interns each new element and attribute name, so a file of endless new names
    /// (an attribute flood needs them, as duplicates are refused) would otherwise grow it without end.
    /// </summary>
    private sealed class BoundedNameTable(int maxNames, ReadContext context) : XmlNameTable
    {
        private readonly NameTable _names = new();
        private int _count;

        public override string Add(char[] array, int offset, int length) =>
            _names.Get(array, offset, length) ?? Counted(_names.Add(array, offset, length));

        public override string Add(string array) => _names.Get(array) ?? Counted(_names.Add(array));

        public override string? Get(char[] array, int offset, int length) => _names.Get(array, offset, length);

        public override string? Get(string array) => _names.Get(array);

        private string Counted(string name) =>
            ++_count <= maxNames
                ? name
                : throw context.Error($"it uses more than {maxNames} different element and attribute names, far more than any GPX or TCX file needs.");
    }

    /// <summary>
    /// Passes every call to the reader it wraps, and after each step checks how deep the reader is
    /// (attributes are counted before parsing, by <see cref="XmlShape"/>), so nothing built on it (Skip, ReadSubtree,
    /// ReadElementContentAsString all step through Read) can go past the limits. Also where the
    /// import notices that the request was given up.
    /// </summary>
    private sealed class BoundedXmlReader(XmlReader inner, ReadContext context) : XmlReader, IXmlLineInfo
    {
        public override bool Read()
        {
            if (!inner.Read())
            {
                return false;
            }
            context.Cancellation.ThrowIfCancellationRequested();
            if (inner.Depth > ImportLimits.MaxXmlDepth)
            {
                throw context.Error($"line {LineNumber}: elements are nested more than {ImportLimits.MaxXmlDepth} deep, far deeper than any GPX or TCX file needs.");
            }
            return true;
        }

        public int LineNumber => inner is IXmlLineInfo info ? info.LineNumber : 0;

        public int LinePosition => inner is IXmlLineInfo info ? info.LinePosition : 0;

        public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

        public override int AttributeCount => inner.AttributeCount;
        public override string BaseURI => inner.BaseURI;
        public override int Depth => inner.Depth;
        public override bool EOF => inner.EOF;
        public override bool IsEmptyElement => inner.IsEmptyElement;
        public override string LocalName => inner.LocalName;
        public override string NamespaceURI => inner.NamespaceURI;
        public override XmlNameTable NameTable => inner.NameTable;
        public override XmlNodeType NodeType => inner.NodeType;
        public override string Prefix => inner.Prefix;
        public override ReadState ReadState => inner.ReadState;
        public override string Value => inner.Value;
        public override string GetAttribute(int i) => inner.GetAttribute(i);
        public override string? GetAttribute(string name) => inner.GetAttribute(name);
        public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
        public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
        public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
        public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
        public override bool MoveToElement() => inner.MoveToElement();
        public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
        public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
        public override bool ReadAttributeValue() => inner.ReadAttributeValue();
        public override void ResolveEntity() => inner.ResolveEntity();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
