using System.Globalization;
using CsvHelper;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Data;

/// <summary>One row the import left out, with where it is and what to do about it.</summary>
/// <param name="File">"actors" or "ties".</param>
/// <param name="Row">The spreadsheet row (the headings are row 1).</param>
/// <param name="Column">The column at fault, or null for the row as a whole.</param>
public sealed record ImportRejection(string File, int Row, string? Column, string Message);

/// <summary>What an import did. Nothing is saved unless <see cref="Saved"/>.</summary>
public sealed class RelationshipImportResult
{
    public int ActorsCreated { get; internal set; }

    public int ActorsUpdated { get; internal set; }

    public int ActorsUnchanged { get; internal set; }

    public int TiesCreated { get; internal set; }

    public int TiesUnchanged { get; internal set; }

    /// <summary>Identifiable people imported without a recorded agreement: kept off the map until it is recorded.</summary>
    public List<string> NotYetAgreed { get; } = [];

    public List<ImportRejection> Rejections { get; } = [];

    /// <summary>A problem with a whole file (no headings, not CSV): nothing was imported.</summary>
    public string? FileProblem { get; internal set; }

    public bool Saved { get; internal set; }
}

/// <summary>
/// Imports actors and ties from the two CSV files of the template (docs/templates/relationships-actors.csv and
/// relationships-ties.csv; columns in <see cref="ActorColumns"/> and <see cref="TieColumns"/>). Headings match without
/// regard to case, spaces or punctuation. Each bad row is left out with a reason (row, column, what to do); the good rows
/// are saved in one transaction, all or nothing. Importing the same files again adds nothing: actors match by id, else by
/// name and kind; ties by the pair and type. Imported ties are "declared".
/// </summary>
public sealed class RelationshipImporter(KithDbContext db, TimeProvider clock)
{
    public const string ActorsFile = "actors";
    public const string TiesFile = "ties";

    /// <summary>The actors template's columns, in order.</summary>
    public static readonly string[] ActorColumns =
    [
        "id", "name", "kind", "area", "sector", "tags", "decides about", "holds budget", "budget band", "time to give",
        "knows about", "interest", "influence", "desired interest", "desired influence", "email", "agreed on", "agreed how",
    ];

    /// <summary>The ties template's columns, in order.</summary>
    public static readonly string[] TieColumns =
    [
        "from id", "from", "to id", "to", "type", "directed", "strength", "frequency", "since", "until", "notes",
    ];

    /// <summary>The most rows read from one file.</summary>
    public const int RowLimit = 20_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d MMMM yyyy", "d MMM yyyy"];

    /// <summary>Reads both files (either may be null) and saves the good rows.</summary>
    public async Task<RelationshipImportResult> ImportAsync(Stream? actors, Stream? ties, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new RelationshipImportResult();
        var actorRows = actors is null ? [] : await ReadAsync(actors, ActorsFile, "name", result, cancellationToken);
        var tieRows = ties is null ? [] : await ReadAsync(ties, TiesFile, "type", result, cancellationToken);
        if (result.FileProblem is not null)
        {
            return result;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var existing = await db.RelationshipActors.ToListAsync(cancellationToken);
        var byId = existing.ToDictionary(a => a.Id);
        var byKey = new Dictionary<string, RelationshipActor>(StringComparer.Ordinal);
        foreach (var actor in existing.Where(a => a.ArchivedAt == null))
        {
            byKey.TryAdd(NameKey(actor.Name, actor.Kind), actor);
        }

        // Spreadsheet ids ("A1") of this file's actors, for the ties file's id columns.
        var fileIds = new Dictionary<string, RelationshipActor>(StringComparer.OrdinalIgnoreCase);
        var seenInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, cells) in actorRows)
        {
            ImportActor(row, cells, result, byId, byKey, fileIds, seenInFile, now, today);
        }

        var byName = new Dictionary<string, List<RelationshipActor>>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in byId.Values.Where(a => a.ArchivedAt == null))
        {
            if (!byName.TryGetValue(actor.Name.Trim(), out var list))
            {
                byName[actor.Name.Trim()] = list = [];
            }

            list.Add(actor);
        }

        var ids = byId.Keys.ToList();
        var existingTies = await db.RelationshipTies.ToListAsync(cancellationToken);
        var fileTies = new List<RelationshipTie>();
        foreach (var (row, cells) in tieRows)
        {
            ImportTie(row, cells, result, byId, fileIds, byName, existingTies, fileTies, now, today);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Actor = context.WithReason(context.Reason ?? "imported from CSV");
        db.RelationshipTies.AddRange(fileTies);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        result.Saved = true;
        return result;
    }

    private void ImportActor(
        int row, Dictionary<string, string> cells, RelationshipImportResult result, Dictionary<Guid, RelationshipActor> byId,
        Dictionary<string, RelationshipActor> byKey, Dictionary<string, RelationshipActor> fileIds, HashSet<string> seenInFile, DateTime now, DateOnly today)
    {
        void Reject(string? column, string message) => result.Rejections.Add(new(ActorsFile, row, column, message));
        string? Get(string column) => cells.GetValueOrDefault(Key(column));
        var values = new ActorValues { Name = Get("name") };
        if (Get("kind") is not { } kindText)
        {
            Reject("kind", $"The kind is empty: enter one of {RelationshipLabels.KindList}");
            return;
        }

        if (!RelationshipLabels.TryParse(kindText, out ActorKind kind))
        {
            Reject("kind", $"\"{kindText}\" is not a kind Kith knows: use one of {RelationshipLabels.KindList}");
            return;
        }

        values.Kind = kind;
        values.Area = Get("area");
        values.Sector = Get("sector");
        values.Tags = Get("tags");
        values.DecidesAbout = Get("decides about");
        values.KnowsAbout = Get("knows about");
        values.Email = Get("email");
        if (Get("holds budget") is { } holds)
        {
            if (!TryYesNo(holds, out var yes))
            {
                Reject("holds budget", $"\"{holds}\" is not yes or no: enter yes, no or leave it empty");
                return;
            }

            values.HoldsBudget = yes;
        }

        if (Get("budget band") is { } bandText)
        {
            if (!RelationshipLabels.TryParse(bandText, out BudgetBand band))
            {
                Reject("budget band", $"\"{bandText}\" is not a budget band: use one of {RelationshipLabels.BandList}");
                return;
            }

            values.BudgetBand = band;
            values.HoldsBudget = true;
        }

        if (Get("time to give") is { } timeText)
        {
            if (!RelationshipLabels.TryParse(timeText, out TimeToGive time))
            {
                Reject("time to give", $"\"{timeText}\" is not an amount of time Kith knows: use one of {RelationshipLabels.TimeList}");
                return;
            }

            values.TimeToGive = time;
        }

        foreach (var column in new[] { "interest", "influence", "desired interest", "desired influence" })
        {
            if (Get(column) is not { } text)
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 5)
            {
                Reject(column, $"\"{text}\" is not a whole number from 1 to 5: enter 1 to 5 or leave it empty");
                return;
            }

            switch (column)
            {
                case "interest": values.Interest = number; break;
                case "influence": values.Influence = number; break;
                case "desired interest": values.DesiredInterest = number; break;
                default: values.DesiredInfluence = number; break;
            }
        }

        DateOnly? agreedOn = null;
        if (Get("agreed on") is { } agreedText)
        {
            if (!TryDate(agreedText, out var day))
            {
                Reject("agreed on", $"\"{agreedText}\" is not a date: write it as 2026-03-31 or 31/03/2026");
                return;
            }

            if (day > today)
            {
                Reject("agreed on", "The date they agreed is in the future: enter the day they agreed, or leave it empty");
                return;
            }

            if (!kind.IsIdentifiable())
            {
                Reject("agreed on", "Only staff members and resident representatives need an agreement: leave \"agreed on\" empty for other kinds");
                return;
            }

            agreedOn = day;
        }

        if (RelationshipMapService.Validate(values) is { Count: > 0 } problems)
        {
            var problem = problems[0];
            Reject(ColumnOf(problem.Field), problem.Message);
            return;
        }

        var key = NameKey(values.Name!, kind);
        if (!seenInFile.Add(key))
        {
            Reject("name", $"{values.Name!.Trim()} ({RelationshipLabels.Of(kind)}) is already in this file on an earlier row: keep one row for each actor");
            return;
        }

        var id = Get("id");
        RelationshipActor? actor = null;
        if (id is not null && Guid.TryParse(id, out var guid) && byId.TryGetValue(guid, out var known))
        {
            actor = known;
        }
        else if (byKey.TryGetValue(key, out var named))
        {
            actor = named;
        }

        if (actor is null)
        {
            actor = new RelationshipActor { Name = string.Empty, CreatedAt = now, LastModified = now };
            if (id is not null && Guid.TryParse(id, out var newId))
            {
                actor.Id = newId;
            }

            values.ApplyTo(actor);
            db.RelationshipActors.Add(actor);
            byId[actor.Id] = actor;
            byKey[key] = actor;
            result.ActorsCreated++;
        }
        else if (values.SameAs(actor) && (agreedOn is null || actor.AgreedToMappingAt is not null))
        {
            result.ActorsUnchanged++;
        }
        else
        {
            values.ApplyTo(actor);
            actor.LastModified = now;
            actor.Version++;
            result.ActorsUpdated++;
        }

        if (agreedOn is { } agreed && actor.AgreedToMappingAt is null)
        {
            actor.AgreedToMappingAt = agreed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            actor.AgreementHow = ActorValues.Clean(Get("agreed how")) ?? "recorded in an imported spreadsheet";
        }

        if (actor.IsIdentifiablePerson && actor.AgreedToMappingAt is null)
        {
            result.NotYetAgreed.Add(actor.Name);
        }

        if (id is not null)
        {
            fileIds[id] = actor;
        }
    }

    private static void ImportTie(
        int row, Dictionary<string, string> cells, RelationshipImportResult result, Dictionary<Guid, RelationshipActor> byId,
        Dictionary<string, RelationshipActor> fileIds, Dictionary<string, List<RelationshipActor>> byName,
        List<RelationshipTie> existingTies, List<RelationshipTie> fileTies, DateTime now, DateOnly today)
    {
        void Reject(string? column, string message) => result.Rejections.Add(new(TiesFile, row, column, message));
        string? Get(string column) => cells.GetValueOrDefault(Key(column));

        RelationshipActor? Find(string end)
        {
            var idColumn = end + " id";
            if (Get(idColumn) is { } id)
            {
                if (fileIds.TryGetValue(id, out var inFile) || Guid.TryParse(id, out var guid) && byId.TryGetValue(guid, out inFile))
                {
                    return inFile;
                }

                Reject(idColumn, $"There is no actor with the id \"{id}\" in the actors file or on the map: check the id, or give the actor's name in the \"{end}\" column instead");
                return null;
            }

            if (Get(end) is not { } name)
            {
                Reject(end, $"The \"{end}\" column is empty: enter the actor's name as it is in the actors file or on the map");
                return null;
            }

            if (!byName.TryGetValue(name, out var matches) || matches.Count == 0)
            {
                Reject(end, $"There is no actor called \"{name}\": add them to the actors file, or check the spelling");
                return null;
            }

            if (matches.Count > 1)
            {
                Reject(end, $"There is more than one actor called \"{name}\": use the \"{idColumn}\" column to say which");
                return null;
            }

            return matches[0];
        }

        var from = Find("from");
        if (from is null)
        {
            return;
        }

        var to = Find("to");
        if (to is null)
        {
            return;
        }

        if (from.Id == to.Id)
        {
            Reject("to", $"The tie joins {from.Name} to themselves: a tie joins two different actors");
            return;
        }

        if (Get("type") is not { } typeText || !RelationshipLabels.TryParse(typeText, out TieType type))
        {
            Reject("type", Get("type") is { } t
                ? $"\"{t}\" is not a type of tie Kith knows: use one of {RelationshipLabels.TypeList}"
                : $"The type is empty: enter one of {RelationshipLabels.TypeList}");
            return;
        }

        var values = new TieValues { FromActorId = from.Id, ToActorId = to.Id, Type = type, IsDirected = RelationshipLabels.DirectedByDefault(type), Notes = Get("notes") };
        if (Get("directed") is { } directedText)
        {
            if (!TryYesNo(directedText, out var directed))
            {
                Reject("directed", $"\"{directedText}\" is not yes or no: enter yes for a one-way tie, no for a mutual one, or leave it empty");
                return;
            }

            values.IsDirected = directed;
        }

        if (Get("strength") is not { } strengthText)
        {
            Reject("strength", "The strength is empty: enter a whole number from 1 (weak) to 5 (strong)");
            return;
        }

        if (!int.TryParse(strengthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var strength) || strength is < 1 or > 5)
        {
            Reject("strength", $"Strength \"{strengthText}\" is outside 1 to 5: enter a whole number from 1 (weak) to 5 (strong)");
            return;
        }

        values.Strength = strength;
        if (Get("frequency") is { } frequencyText)
        {
            if (!RelationshipLabels.TryParse(frequencyText, out TieFrequency frequency))
            {
                Reject("frequency", $"\"{frequencyText}\" is not a frequency Kith knows: use one of {RelationshipLabels.FrequencyList}");
                return;
            }

            values.Frequency = frequency;
        }

        foreach (var column in new[] { "since", "until" })
        {
            if (Get(column) is not { } dateText)
            {
                continue;
            }

            if (!TryDate(dateText, out var day))
            {
                Reject(column, $"\"{dateText}\" is not a date: write it as 2026-03-31 or 31/03/2026");
                return;
            }

            if (column == "since")
            {
                values.Since = day;
            }
            else
            {
                values.Until = day;
            }
        }

        if (RelationshipMapService.Validate(values) is { Count: > 0 } problems)
        {
            var problem = problems[0];
            Reject(problem.Field == nameof(TieValues.Until) ? "until" : ColumnOf(problem.Field), problem.Field == nameof(TieValues.Until)
                ? "The tie ends before it starts: \"until\" must be the same as or after \"since\""
                : problem.Message);
            return;
        }

        if (fileTies.Any(t => RelationshipMapService.IsDuplicate(t, values, today)))
        {
            Reject("type", $"The same \"{RelationshipLabels.Of(type)}\" tie between {from.Name} and {to.Name} is already on an earlier row of this file: keep one row for each tie");
            return;
        }

        var same = existingTies.FirstOrDefault(t => RelationshipMapService.IsDuplicate(t, values, today));
        if (same is not null)
        {
            if (values.SameAs(same) || values.IsDirected == false && SameReversed(values, same))
            {
                result.TiesUnchanged++;
            }
            else
            {
                Reject("type", RelationshipMapService.DuplicateMessage(type, from.Name, to.Name) + " on the map, or remove this row");
            }

            return;
        }

        var tie = new RelationshipTie { Source = TieSource.Declared, RecordedAt = now, LastModified = now };
        values.ApplyTo(tie);
        fileTies.Add(tie);
        result.TiesCreated++;
    }

    private static bool SameReversed(TieValues values, RelationshipTie tie) =>
        new TieValues
        {
            FromActorId = values.ToActorId, ToActorId = values.FromActorId, Type = values.Type, IsDirected = values.IsDirected, Strength = values.Strength,
            Frequency = values.Frequency, Since = values.Since, Until = values.Until, Notes = values.Notes,
        }.SameAs(tie);

    private static async Task<List<(int Row, Dictionary<string, string> Cells)>> ReadAsync(
        Stream stream, string file, string required, RelationshipImportResult result, CancellationToken cancellationToken)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        var options = new CsvReaderOptions { Separator = ',', TrackLineNumbers = true, IncludeValuesInExceptions = false };
        await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        string[] header;
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            header = [.. csv.Headers.Select(Key)];
        }
        catch (CsvFormatException e)
        {
            result.FileProblem = $"The {file} file could not be read as CSV: {e.Message.Split('\n')[0]} Save the spreadsheet as CSV (comma separated) and try again.";
            return rows;
        }

        if (!header.Contains(Key(required)))
        {
            result.FileProblem = $"The first line of the {file} file has no \"{required}\" column. Start from the template and keep its first line of headings.";
            return rows;
        }

        var number = 1;
        while (true)
        {
            number++;
            Dictionary<string, string> cells;
            try
            {
                if (!await csv.ReadAsync(cancellationToken))
                {
                    break;
                }

                cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
                {
                    var value = csv.GetString(i)?.Trim();
                    if (value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@')
                    {
                        value = value[1..]; // written escaped by the export, so a spreadsheet shows it as text
                    }

                    if (!string.IsNullOrEmpty(value))
                    {
                        cells[header[i]] = value;
                    }
                }
            }
            catch (CsvFormatException e)
            {
                result.Rejections.Add(new(file, number, null, $"The row could not be read ({e.Message.Split('\n')[0]}), so it and the rows after it were left out: check its quotes"));
                break;
            }

            if (cells.Count == 0)
            {
                continue;
            }

            if (rows.Count >= RowLimit)
            {
                result.Rejections.Add(new(file, number, null, $"The file has more than {RowLimit} rows: this row and the rest were left out. Split the file and import the rest separately"));
                break;
            }

            rows.Add((number, cells));
        }

        return rows;
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(ActorValues.Name) => "name",
        nameof(ActorValues.Kind) => "kind",
        nameof(ActorValues.BudgetBand) => "budget band",
        nameof(ActorValues.DecidesAbout) => "decides about",
        nameof(ActorValues.KnowsAbout) => "knows about",
        nameof(ActorValues.DesiredInterest) => "desired interest",
        nameof(ActorValues.DesiredInfluence) => "desired influence",
        nameof(TieValues.ToActorId) => "to",
        nameof(TieValues.FromActorId) => "from",
        _ => field.ToLowerInvariant(),
    };

    private static string NameKey(string name, ActorKind kind) => $"{kind}|{name.Trim().ToUpperInvariant()}";

    internal static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out day);

    private static bool TryYesNo(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "YES" or "Y" or "TRUE" or "1":
                value = true;
                return true;
            case "NO" or "N" or "FALSE" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>A heading without case, spaces or punctuation: "Decides about", "decides_about" and "DECIDESABOUT" are one column.</summary>
    internal static string Key(string heading) => new([.. heading.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}

internal static class ActorKindExtensions
{
    public static bool IsIdentifiable(this ActorKind kind) => kind is ActorKind.StaffMember or ActorKind.ResidentRepresentative;
}

/// <summary>The import templates (docs/templates/relationships-actors.csv and relationships-ties.csv), built into Kith so the import page can offer them.</summary>
public static class RelationshipTemplates
{
    public const string ActorsFileName = "relationships-actors.csv";
    public const string TiesFileName = "relationships-ties.csv";

    /// <summary>The template's bytes, or null for a name that is not one of the two.</summary>
    public static byte[]? Read(string fileName)
    {
        if (fileName is not (ActorsFileName or TiesFileName))
        {
            return null;
        }

        using var stream = typeof(RelationshipTemplates).Assembly.GetManifestResourceStream($"Kith.Core.Relationships.{fileName}");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
