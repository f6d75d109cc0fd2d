namespace Kith.Core.Relationships.Insights;

/// <summary>The ties report with the snapshot it compared against (null when there is none, or the map was empty then).</summary>
/// <param name="Faded">Null when there is no snapshot to compare with.</param>
public sealed record TiesReportResult(LoadedMap Map, TiesReportView Report, RelationshipSnapshot? Since, IReadOnlyList<FadedTie>? Faded);

/// <summary>The gaps page's findings on a map.</summary>
public sealed record GapsResult(LoadedMap Map, GapsView Gaps);

/// <summary>The round-table advice on a map.</summary>
public sealed record RoundTableResult(LoadedMap Map, RoundTableAdvice Advice);

/// <summary>The grid now and, when a snapshot was chosen, who moved quarter since.</summary>
public sealed record PowerResult(LoadedMap Map, PowerGridView Grid, RelationshipSnapshot? Since, IReadOnlyList<PowerGridMove>? Moves);

/// <summary>
/// The answers to the managers' questions (ties report, gaps, round table, power grid), read through
/// <see cref="RelationshipAnalysisService"/>. Reading does not audit: the pages record each look with
/// <see cref="RelationshipAnalysisService.RecordViewAsync"/>.
/// </summary>
public sealed class RelationshipInsightsService(RelationshipAnalysisService analysis)
{
    /// <param name="since">The snapshot to compare with; null for the latest.</param>
    /// <returns>Null when <paramref name="since"/> names no snapshot.</returns>
    public async Task<TiesReportResult?> TiesReportAsync(MapFilter filter, Guid? since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var map = await analysis.LoadAsync(filter, cancellationToken);
        RelationshipSnapshot? snapshot;
        if (since is { } id)
        {
            snapshot = await analysis.SnapshotAsync(id, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }
        }
        else
        {
            var latest = (await analysis.SnapshotsAsync(cancellationToken)).FirstOrDefault();
            snapshot = latest is null ? null : await analysis.SnapshotAsync(latest.Id, cancellationToken);
        }

        var faded = snapshot is null ? null : TiesReport.FadedSince(snapshot, map, filter.Types);
        return new TiesReportResult(map, TiesReport.Of(map), snapshot, faded);
    }

    public async Task<GapsResult> GapsAsync(MapFilter filter, CancellationToken cancellationToken = default)
    {
        var (map, metrics) = await analysis.AnalyseAsync(filter, cancellationToken: cancellationToken);
        return new GapsResult(map, GapFinder.Of(map, metrics));
    }

    /// <summary>Advice on the whole map as it holds today.</summary>
    public async Task<RoundTableResult> RoundTableAsync(string topic, IEnumerable<Guid> invited, CancellationToken cancellationToken = default)
    {
        var (map, metrics) = await analysis.AnalyseAsync(new MapFilter(), cancellationToken: cancellationToken);
        return new RoundTableResult(map, RoundTableAdvisor.Advise(map, metrics, topic, invited));
    }

    /// <summary>Every actor on the map (no ties needed) as the grid has them today.</summary>
    public async Task<LoadedMap> ActorsAsync(CancellationToken cancellationToken = default) =>
        await analysis.LoadAsync(new MapFilter(), cancellationToken);

    /// <param name="since">A snapshot to compare with; null for none.</param>
    /// <returns>Null when <paramref name="since"/> names no snapshot.</returns>
    public async Task<PowerResult?> PowerAsync(Guid? since, CancellationToken cancellationToken = default)
    {
        var map = await analysis.LoadAsync(new MapFilter(), cancellationToken);
        var grid = PowerGrid.Of(map.Actors);
        if (since is not { } id)
        {
            return new PowerResult(map, grid, null, null);
        }

        var snapshot = await analysis.SnapshotAsync(id, cancellationToken);
        return snapshot is null ? null : new PowerResult(map, grid, snapshot, PowerGrid.MovesSince(snapshot, map.Actors));
    }

    /// <summary>The snapshots to choose from, newest first.</summary>
    public Task<List<RelationshipSnapshot>> SnapshotsAsync(CancellationToken cancellationToken = default) =>
        analysis.SnapshotsAsync(cancellationToken);
}
