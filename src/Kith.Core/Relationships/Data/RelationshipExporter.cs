using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Data;

/// <summary>
/// Writes the map out: the two CSV files in the import template's columns (so an export imports straight back), and
/// GraphML for Gephi. Archived actors and identifiable people who have not agreed are never written, nor any tie that
/// touches them. Each export is one audit event.
/// </summary>
public sealed class RelationshipExporter(KithDbContext db, TimeProvider clock)
{
    public const string ExportedAction = "exported";

    public const string GraphMlNamespace = "http://graphml.graphdrawing.org/xmlns";

    public async Task WriteActorsCsvAsync(Stream output, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (actors, _) = await LoadAsync(cancellationToken);
        await WriteCsvAsync(output, RelationshipImporter.ActorColumns, actors.Select(a => new[]
        {
            a.Id.ToString(), a.Name, RelationshipLabels.Of(a.Kind), a.Area, a.Sector, a.Tags, a.DecidesAbout, a.HoldsBudget ? "yes" : "no",
            a.BudgetBand is { } band ? BandKey(band) : null, a.TimeToGive is { } time ? RelationshipLabels.Of(time) : null, a.KnowsAbout,
            Int(a.Interest), Int(a.Influence), Int(a.DesiredInterest), Int(a.DesiredInfluence), a.Email,
            a.AgreedToMappingAt is { } agreed ? DateOnly.FromDateTime(agreed).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null, a.AgreementHow,
        }), cancellationToken);
        await AuditAsync("actors.csv", context, cancellationToken);
    }

    public async Task WriteTiesCsvAsync(Stream output, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (actors, ties) = await LoadAsync(cancellationToken);
        var names = actors.ToDictionary(a => a.Id, a => a.Name);
        await WriteCsvAsync(output, RelationshipImporter.TieColumns, ties.Select(t => new[]
        {
            t.FromActorId.ToString(), names[t.FromActorId], t.ToActorId.ToString(), names[t.ToActorId], RelationshipLabels.Of(t.Type),
            t.IsDirected ? "yes" : "no", Int(t.Strength), t.Frequency is { } f ? RelationshipLabels.Of(f) : null, Day(t.Since), Day(t.Until), t.Notes,
        }), cancellationToken);
        await AuditAsync("ties.csv", context, cancellationToken);
    }

    /// <summary>GraphML 1.0: nodes with name, kind, sector and area; edges with type, strength, directed, source, since and until.</summary>
    public async Task WriteGraphMlAsync(Stream output, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (actors, ties) = await LoadAsync(cancellationToken);
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        await using (var xml = XmlWriter.Create(output, settings))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("graphml", GraphMlNamespace);
            foreach (var (id, target, type) in new[]
            {
                ("name", "node", "string"), ("kind", "node", "string"), ("sector", "node", "string"), ("area", "node", "string"),
                ("type", "edge", "string"), ("strength", "edge", "int"), ("directed", "edge", "boolean"), ("source", "edge", "string"),
                ("since", "edge", "string"), ("until", "edge", "string"),
            })
            {
                xml.WriteStartElement("key", GraphMlNamespace);
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("for", target);
                xml.WriteAttributeString("attr.name", id);
                xml.WriteAttributeString("attr.type", type);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("graph", GraphMlNamespace);
            xml.WriteAttributeString("id", "kith-relationship-map");
            xml.WriteAttributeString("edgedefault", "undirected");
            foreach (var actor in actors)
            {
                xml.WriteStartElement("node", GraphMlNamespace);
                xml.WriteAttributeString("id", "n" + actor.Id.ToString("N"));
                Data(xml, "name", actor.Name);
                Data(xml, "kind", RelationshipLabels.Of(actor.Kind));
                Data(xml, "sector", actor.Sector);
                Data(xml, "area", actor.Area);
                xml.WriteEndElement();
            }

            foreach (var tie in ties)
            {
                xml.WriteStartElement("edge", GraphMlNamespace);
                xml.WriteAttributeString("id", "e" + tie.Id.ToString("N"));
                xml.WriteAttributeString("source", "n" + tie.FromActorId.ToString("N"));
                xml.WriteAttributeString("target", "n" + tie.ToActorId.ToString("N"));
                xml.WriteAttributeString("directed", tie.IsDirected ? "true" : "false");
                Data(xml, "type", RelationshipLabels.Of(tie.Type));
                Data(xml, "strength", Int(tie.Strength));
                Data(xml, "directed", tie.IsDirected ? "true" : "false");
                Data(xml, "source", tie.Source.ToString().ToLowerInvariant());
                Data(xml, "since", Day(tie.Since));
                Data(xml, "until", Day(tie.Until));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
            await xml.FlushAsync();
        }

        await AuditAsync("graphml", context, cancellationToken);
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("data", GraphMlNamespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    private async Task<(List<RelationshipActor> Actors, List<RelationshipTie> Ties)> LoadAsync(CancellationToken cancellationToken)
    {
        var actors = await db.RelationshipActors.AsNoTracking()
            .Where(a => a.ArchivedAt == null)
            .Where(a => a.AgreedToMappingAt != null || (a.Kind != ActorKind.StaffMember && a.Kind != ActorKind.ResidentRepresentative))
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var kept = actors.Select(a => a.Id).ToHashSet();
        var ties = (await db.RelationshipTies.AsNoTracking().ToListAsync(cancellationToken))
            .Where(t => kept.Contains(t.FromActorId) && kept.Contains(t.ToActorId))
            .OrderBy(t => t.FromActorId).ThenBy(t => t.ToActorId).ThenBy(t => t.Type).ThenBy(t => t.Id)
            .ToList();
        return (actors, ties);
    }

    private async Task AuditAsync(string what, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = context.UserId,
            ActorName = context.ActorName,
            Action = ExportedAction,
            EntityType = RelationshipAnalysisService.ViewedEntityType,
            EntityId = what,
            Reason = context.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task WriteCsvAsync(Stream output, string[] columns, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        // Escape cells starting with =, +, - or @ so a spreadsheet does not run them as formulas.
        var options = new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteRecord(columns);
        foreach (var row in rows)
        {
            csv.WriteRecord(row.Select(v => v ?? string.Empty).ToArray());
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string BandKey(BudgetBand band) => band switch
    {
        BudgetBand.Under10k => "under 10k",
        BudgetBand.From10kTo100k => "10k to 100k",
        BudgetBand.From100kTo1m => "100k to 1m",
        _ => "over 1m",
    };

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
