using System.Globalization;
using System.Text;
using System.Xml;
using Kith.Core.Relationships;

namespace Kith.Web.Api;

/// <summary>An actor row of the map's table: the figures are those of the map as filtered.</summary>
public sealed record MapActorRow(
    RelationshipActor Actor, int Community, int Degree, double Strength, double Betweenness, double Closeness, double Eigenvector, int? Distance)
{
    public double Value(MapMetric metric) => metric switch
    {
        MapMetric.Degree => Degree,
        MapMetric.Betweenness => Betweenness,
        MapMetric.Eigenvector => Eigenvector,
        MapMetric.Strength => Strength,
        MapMetric.Closeness => Closeness,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}

/// <summary>
/// Writes what the map page shows (actors and ties as filtered, or one ego view) as CSV for spreadsheets and GraphML
/// for Gephi. Emails and agreement details are never written. Text that a spreadsheet would run as a formula
/// (starting =, +, -, @) is written with a leading apostrophe.
/// </summary>
public static class RelationshipMapExport
{
    public static readonly string[] ActorColumns =
        ["id", "name", "kind", "sector", "area", "community", "degree", "strength", "betweenness", "closeness", "eigenvector", "distance"];

    public static readonly string[] TieColumns =
        ["id", "from_id", "from", "to_id", "to", "type", "direction", "strength", "since", "until", "source"];

    public static string ActorsCsv(IEnumerable<MapActorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        Line(csv, ActorColumns);
        foreach (var r in rows)
        {
            Line(csv, [
                r.Actor.Id.ToString("D"), r.Actor.Name, RelationshipMapJson.KindValue(r.Actor.Kind), r.Actor.Sector, r.Actor.Area,
                Int(r.Community), Int(r.Degree), Number(r.Strength), Number(r.Betweenness), Number(r.Closeness), Number(r.Eigenvector),
                r.Distance is { } d ? Int(d) : null,
            ]);
        }

        return csv.ToString();
    }

    public static string TiesCsv(IEnumerable<RelationshipTie> ties, IReadOnlyDictionary<Guid, string> names)
    {
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentNullException.ThrowIfNull(names);
        var csv = new StringBuilder();
        Line(csv, TieColumns);
        foreach (var t in ties)
        {
            Line(csv, [
                t.Id.ToString("D"), t.FromActorId.ToString("D"), names.GetValueOrDefault(t.FromActorId), t.ToActorId.ToString("D"),
                names.GetValueOrDefault(t.ToActorId), RelationshipMapQuery.ToParameterValue(t.Type), t.IsDirected ? "one-way" : "mutual",
                Int(t.Strength), Date(t.Since), Date(t.Until), t.Source.ToString().ToLowerInvariant(),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>GraphML 1.0: a directed graph by default, mutual ties as edges with <c>directed="false"</c>.</summary>
    public static string GraphMl(IReadOnlyList<MapActorRow> actors, IEnumerable<RelationshipTie> ties)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(ties);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
            Key(xml, "name", "node", "label", "string");
            Key(xml, "kind", "node", "kind", "string");
            Key(xml, "sector", "node", "sector", "string");
            Key(xml, "area", "node", "area", "string");
            Key(xml, "community", "node", "community", "int");
            Key(xml, "degree", "node", "degree", "int");
            Key(xml, "betweenness", "node", "betweenness", "double");
            Key(xml, "closeness", "node", "closeness", "double");
            Key(xml, "eigenvector", "node", "eigenvector", "double");
            Key(xml, "type", "edge", "type", "string");
            Key(xml, "weight", "edge", "weight", "int");
            xml.WriteStartElement("graph");
            xml.WriteAttributeString("id", "kith-relationship-map");
            xml.WriteAttributeString("edgedefault", "directed");
            foreach (var r in actors)
            {
                xml.WriteStartElement("node");
                xml.WriteAttributeString("id", r.Actor.Id.ToString("D"));
                Data(xml, "name", r.Actor.Name);
                Data(xml, "kind", RelationshipMapJson.KindValue(r.Actor.Kind));
                Data(xml, "sector", r.Actor.Sector);
                Data(xml, "area", r.Actor.Area);
                Data(xml, "community", Int(r.Community));
                Data(xml, "degree", Int(r.Degree));
                Data(xml, "betweenness", Number(r.Betweenness));
                Data(xml, "closeness", Number(r.Closeness));
                Data(xml, "eigenvector", Number(r.Eigenvector));
                xml.WriteEndElement();
            }

            foreach (var t in ties)
            {
                xml.WriteStartElement("edge");
                xml.WriteAttributeString("id", t.Id.ToString("D"));
                xml.WriteAttributeString("source", t.FromActorId.ToString("D"));
                xml.WriteAttributeString("target", t.ToActorId.ToString("D"));
                if (!t.IsDirected)
                {
                    xml.WriteAttributeString("directed", "false");
                }

                Data(xml, "type", RelationshipMapQuery.ToParameterValue(t.Type));
                Data(xml, "weight", Int(t.Strength));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output always declares utf-16; the download is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Key(XmlWriter xml, string id, string target, string name, string type)
    {
        xml.WriteStartElement("key");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", target);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data");
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>Quoted when it holds a comma, quote or line break; an apostrophe before a would-be formula.</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Number(double n) => n.ToString("R", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
