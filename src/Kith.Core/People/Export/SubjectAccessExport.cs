using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Kith.Core.Connections;
using Kith.Core.Connections.FollowUps;
using Kith.Core.Data;
using Kith.Core.People.Erasure;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kith.Core.People.Export;

/// <summary>One kind of record in an export: a plain-language title and its rows (column name to value).</summary>
public sealed record ExportSection(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>Everything Kith holds about one person, decrypted, plus every audit event about them.</summary>
public sealed record ExportBundle(Guid PersonId, string Name, DateTime MadeAt, IReadOnlyList<ExportSection> Sections, ExportSection AuditTrail);

/// <summary>
/// The subject-access export. Every <see cref="IPersonalRecord"/> type in the EF model is read by its indexed
/// person column (no tracking), so a new kind of record is in the export without anyone remembering to add it.
/// Protected text is decrypted by the model's converters. Each export writes a <see cref="PersonAuditActions.Exported"/> event.
/// </summary>
public sealed class SubjectAccessExport(KithDbContext db, PersonAccessService access, TimeProvider clock)
{
    private static readonly MethodInfo ReadMethod =
        typeof(SubjectAccessExport).GetMethod(nameof(ReadRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Plain-language headings for each kind of record; a type missing here falls back to its name (a test checks none is missing).</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Person)] = "Your details",
        [nameof(PersonTeam)] = "Teams working with you",
        [nameof(AboutMeVersion)] = "About me (every version)",
        [nameof(Conversation)] = "Conversations",
        [nameof(ConversationQuote)] = "Your words from conversations",
        [nameof(Strength)] = "Strengths (including ones taken off)",
        [nameof(NetworkTie)] = "Your people and places",
        [nameof(NetworkSnapshot)] = "Copies of your network over time",
        [nameof(Goal)] = "Goals",
        [nameof(GoalRating)] = "How close you were to your goals",
        [nameof(GoalAction)] = "Steps towards your goals",
        [nameof(Concern)] = "Things you are getting help with",
        [nameof(CheckIn)] = "Check-ins",
        [nameof(CheckInAnswer)] = "Answers in check-ins",
        [nameof(Consent)] = "What you agreed to share",
        [nameof(SuggestedChange)] = "Your suggestions",
        [nameof(BreakGlassAccess)] = "Emergency access to your record",
        [nameof(ConnectingPreferences)] = "How far you travel, when you are free and what you need",
        [nameof(Connection)] = "Groups and activities you were connected with",
        [nameof(Connections.Referrals.Referral)] = "Referrals sent to us about you (for example by your GP)",
        [nameof(ConnectionTransition)] = "Each step of your connections",
        [nameof(ConnectionDismissal)] = "Suggestions you or your worker turned down",
        [nameof(ConnectionFollowUp)] = "When your worker checked in about your connections",
        [nameof(ConnectionFeedback)] = "What you said about how your connections were going",
        [nameof(Connections.Introductions.Introduction)] = "Introductions to groups, and what was shared with them",
    };

    /// <summary>Builds the bundle and audits the export. Null when there is no such person.</summary>
    public async Task<ExportBundle?> BuildAsync(Guid personId, ProcessContext actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.PreferredName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var sections = new List<ExportSection>();
        foreach (var type in PersonalRecordTypes.InDeletionOrder(db.Model).Reverse())
        {
            var rows = await (Task<List<object>>)ReadMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, personId, cancellationToken])!;
            sections.Add(Section(type, rows));
        }

        var auditType = db.Model.FindEntityType(typeof(AuditEvent))!;
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var trail = Section(auditType, audit.Cast<object>().ToList()) with { Title = "Everyone who looked at or changed your record" };

        await access.AddEventAsync(personId, PersonAuditActions.Exported, "export", actor, cancellationToken);
        return new ExportBundle(personId, person.PreferredName ?? person.Name, clock.GetUtcNow().UtcDateTime, sections, trail);
    }

    public static string ToJson(ExportBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["personId"] = bundle.PersonId,
            ["name"] = bundle.Name,
            ["madeAt"] = bundle.MadeAt,
        };
        foreach (var section in bundle.Sections.Append(bundle.AuditTrail))
        {
            document[section.Key] = section.Rows;
        }

        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>A readable page: plain headings and one table per kind of record.</summary>
    public static string ToHtml(ExportBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        static string E(object? value) => WebUtility.HtmlEncode(Format(value));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Everything Kith holds about ")
            .Append(E(bundle.Name)).Append("</title><style>body{font-family:Arial,sans-serif;margin:2em;line-height:1.4}table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #aeb7bd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f4f5}</style></head><body>\n")
            .Append("<h1>Everything Kith holds about ").Append(E(bundle.Name)).Append("</h1>\n<p>Made on ")
            .Append(E(bundle.MadeAt.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")))).Append(".</p>\n");
        foreach (var section in bundle.Sections.Append(bundle.AuditTrail))
        {
            html.Append("<h2>").Append(E(section.Title)).Append("</h2>\n");
            if (section.Rows.Count == 0)
            {
                html.Append("<p>Nothing recorded.</p>\n");
                continue;
            }

            html.Append("<table><thead><tr>");
            foreach (var column in section.Columns)
            {
                html.Append("<th scope=\"col\">").Append(E(column)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>\n");
            foreach (var row in section.Rows)
            {
                html.Append("<tr>");
                foreach (var column in section.Columns)
                {
                    html.Append("<td>").Append(E(row[column])).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static ExportSection Section(IEntityType type, List<object> rows)
    {
        var properties = type.GetProperties().Where(p => p.PropertyInfo is not null && !p.IsShadowProperty()).ToList();
        var columns = properties.Select(p => p.Name).ToList();
        var values = rows.Select(r => (IReadOnlyDictionary<string, object?>)properties.ToDictionary(p => p.Name, p =>
        {
            var v = p.PropertyInfo!.GetValue(r);
            return v is Enum ? v.ToString() : v;
        }, StringComparer.Ordinal)).ToList();
        var key = type.ClrType.Name;
        return new ExportSection(key, Titles.TryGetValue(key, out var title) ? title : key, columns, values);
    }

    private static async Task<List<object>> ReadRowsAsync<T>(KithDbContext db, Guid personId, CancellationToken cancellationToken)
        where T : class =>
        (await PersonalRecordTypes.For<T>(db, personId).AsNoTracking().ToListAsync(cancellationToken)).Cast<object>().ToList();
}
