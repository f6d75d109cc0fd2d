namespace Kith.Core.People.Instruments;

/// <summary>A parsed, valid instrument definition (see docs/instruments.md for the JSON format).</summary>
public sealed record Instrument(
    string Key,
    string Name,
    string Version,
    string LicenceText,
    bool MayBeShipped,
    IReadOnlyList<InstrumentItem> Items,
    InstrumentScoring Scoring);

/// <summary>One question. Either <see cref="Options"/> (a choice) or <see cref="Scale"/> (whole numbers from min to max).</summary>
public sealed record InstrumentItem(
    string Key,
    string Text,
    IReadOnlyList<InstrumentOption>? Options,
    InstrumentScale? Scale,
    bool ReverseCoded,
    bool LowerIsBetter)
{
    /// <summary>Lowest value an answer may take (inclusive).</summary>
    public int Min => Scale?.Min ?? Options!.Min(o => o.Value);

    /// <summary>Highest value an answer may take (inclusive).</summary>
    public int Max => Scale?.Max ?? Options!.Max(o => o.Value);
}

/// <summary>A choice with the value stored for it.</summary>
public sealed record InstrumentOption(int Value, string Label);

/// <summary>A numeric scale from <see cref="Min"/> to <see cref="Max"/> inclusive, with labels for its ends.</summary>
public sealed record InstrumentScale(int Min, int Max, string MinLabel, string MaxLabel);

/// <summary>How answers are reported.</summary>
public enum ScoringMethod
{
    /// <summary>Each item reported on its own; never added up (e.g. ONS4).</summary>
    Separate,

    /// <summary>Item values (after reverse coding) added into a total.</summary>
    Sum,
}

/// <summary>Scoring: separate items, or a total with its range and optional labelled bands.</summary>
public sealed record InstrumentScoring(ScoringMethod Method, int? TotalMin, int? TotalMax, IReadOnlyList<ScoreBand> Bands);

/// <summary>A labelled range of totals, inclusive at both ends.</summary>
public sealed record ScoreBand(int Min, int Max, string Label);

/// <summary>Something wrong in a definition or in answers: where (a JSON path such as <c>$.items[2].scale.max</c>, or an item key) and what.</summary>
public sealed record InstrumentError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The scored value of one item.</summary>
/// <param name="Answered">As given, what is stored.</param>
/// <param name="Scored">After reverse coding where the item is flagged; equal to <paramref name="Answered"/> otherwise.</param>
/// <param name="LowerIsBetter">To report alongside the value (e.g. ONS4 anxiety); the value is not changed.</param>
public sealed record ItemScore(string Key, int Answered, int Scored, bool LowerIsBetter);

/// <summary>The result of scoring: errors (then nothing else), or per-item values and a total only when the definition sums.</summary>
public sealed record InstrumentScore(IReadOnlyList<InstrumentError> Errors, IReadOnlyList<ItemScore> Items, int? Total, string? Band)
{
    public bool IsValid => Errors.Count == 0;
}
