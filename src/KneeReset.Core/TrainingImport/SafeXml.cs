using System.Globalization;
using System.Xml;

namespace KneeReset.Core.TrainingImport;

/// <summary>
/// XML reading that refuses anything a track file never needs: no DTD, so no entity (internal,
/// external or a "billion laughs" bomb) can be declared or expanded, and nothing is fetched.
/// </summary>
internal static class SafeXml
{
    public static XmlReader Open(byte[] content, int maxCharacters) =>
        XmlReader.Create(new MemoryStream(content, writable: false), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // With DTDs refused no entity can be declared; the cap is a second fence. (0 would mean "no limit".)
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        });

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

    public static DateTimeOffset ParseTime(string text, string what, int line, ReadContext context) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? time
            : throw context.Error($"line {line}: {what} should be a date and time but is '{ReadContext.Shorten(text)}'.");

    /// <summary>A latitude/longitude pair, checked to be on Earth.</summary>
    public static (double Lat, double Lon) CheckPosition(double lat, double lon, int line, ReadContext context) =>
        lat is >= -90 and <= 90 && lon is >= -180 and <= 180
            ? (lat, lon)
            : throw context.Error($"line {line}: the position {lat}, {lon} is not on Earth.");

    public static int LineOf(XmlReader xml) => xml is IXmlLineInfo info ? info.LineNumber : 0;
}
