using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Data;

/// <summary>What one recount of the observed ties changed.</summary>
public sealed record ObservedTiesResult(int ActorsCreated, int TiesCreated, int TiesUpdated, int TiesRemoved);

/// <summary>
/// Derives "refers to" ties from Kith's own introductions (ADR 0023): one observed tie from a team to a community asset,
/// its <see cref="RelationshipTie.ObservedCount"/> the number of introductions the team made to the asset. The team of an
/// introduction is the team of the practitioner who sent it (who recorded the person's consent): of their teams, the one
/// that also works with the person when there is one, else the first by name; when the practitioner is in no team, the
/// person's own first team by name. Introductions with no team are not counted. The recount is idempotent: it creates the
/// team and asset actors when missing (linked by TeamId and CommunityAssetId), updates counts, removes observed ties with
/// no introductions left, and never touches declared or survey ties.
/// </summary>
public sealed class ObservedTieService(KithDbContext db, TimeProvider clock)
{
    public static readonly ProcessContext SweepContext = ProcessContext.System("observed ties from introductions");

    /// <summary>Strength from the count: 1 introduction is 1, 2–3 is 2, 4–6 is 3, 7–11 is 4, 12 or more is 5.</summary>
    public static int StrengthOf(int count) => count switch
    {
        <= 1 => 1,
        <= 3 => 2,
        <= 6 => 3,
        <= 11 => 4,
        _ => 5,
    };

    public async Task<ObservedTiesResult> RecomputeAsync(ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var introductions = await db.Introductions.AsNoTracking()
            .Select(i => new { i.CommunityAssetId, i.PersonId, i.ConsentRecordedByUserId, i.SentAt })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var memberships = (await db.TeamMembers.AsNoTracking().Select(m => new { m.UserId, m.TeamId }).ToListAsync(cancellationToken))
            .Where(m => teams.ContainsKey(m.TeamId))
            .GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Select(m => m.TeamId).OrderBy(t => teams[t].Name, StringComparer.Ordinal).ToList());
        var personTeams = (await db.PersonTeams.AsNoTracking().Select(p => new { p.PersonId, p.TeamId }).ToListAsync(cancellationToken))
            .Where(p => teams.ContainsKey(p.TeamId))
            .GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Select(p => p.TeamId).OrderBy(t => teams[t].Name, StringComparer.Ordinal).ToList());

        var counts = new Dictionary<(Guid Team, Guid Asset), (int Count, DateTime First)>();
        foreach (var introduction in introductions)
        {
            var ofPractitioner = introduction.ConsentRecordedByUserId is { } user && memberships.TryGetValue(user, out var mine) ? mine : [];
            var ofPerson = personTeams.TryGetValue(introduction.PersonId, out var theirs) ? theirs : [];
            Guid? team = ofPractitioner.FirstOrDefault(ofPerson.Contains) is var both && both != Guid.Empty ? both
                : ofPractitioner.Count > 0 ? ofPractitioner[0]
                : ofPerson.Count > 0 ? ofPerson[0] : null;
            if (team is not { } teamId)
            {
                continue;
            }

            var key = (teamId, introduction.CommunityAssetId);
            counts[key] = counts.TryGetValue(key, out var c)
                ? (c.Count + 1, c.First < introduction.SentAt ? c.First : introduction.SentAt)
                : (1, introduction.SentAt);
        }

        var assetIds = counts.Keys.Select(k => k.Asset).Distinct().ToList();
        var assets = await db.CommunityAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var actors = await db.RelationshipActors.Where(a => a.TeamId != null || a.CommunityAssetId != null).ToListAsync(cancellationToken);
        var teamActors = actors.Where(a => a.TeamId is not null && a.Kind == ActorKind.Team).GroupBy(a => a.TeamId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(a => a.ArchivedAt is not null).ThenBy(a => a.CreatedAt).First());
        var assetActors = actors.Where(a => a.CommunityAssetId is not null).GroupBy(a => a.CommunityAssetId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(a => a.ArchivedAt is not null).ThenBy(a => a.CreatedAt).First());
        var actorsCreated = 0;
        RelationshipActor ActorFor(Guid id, bool isTeam)
        {
            var map = isTeam ? teamActors : assetActors;
            if (map.TryGetValue(id, out var found))
            {
                return found;
            }

            var actor = new RelationshipActor
            {
                Kind = isTeam ? ActorKind.Team : ActorKind.CommunityAsset,
                Name = isTeam ? teams[id].Name : assets.TryGetValue(id, out var asset) ? asset.Name : "Community asset",
                TeamId = isTeam ? id : null,
                CommunityAssetId = isTeam ? null : id,
                CreatedAt = now,
                LastModified = now,
            };
            db.RelationshipActors.Add(actor);
            map[id] = actor;
            actorsCreated++;
            return actor;
        }

        var observed = await db.RelationshipTies.Where(t => t.Source == TieSource.Observed).ToListAsync(cancellationToken);
        var byPair = observed.GroupBy(t => (t.FromActorId, t.ToActorId)).ToDictionary(g => g.Key, g => g.ToList());
        var keep = new HashSet<Guid>();
        int created = 0, updated = 0;
        foreach (var ((teamId, assetId), (count, first)) in counts.OrderBy(k => k.Key.Team).ThenBy(k => k.Key.Asset))
        {
            if (!assets.ContainsKey(assetId))
            {
                continue;
            }

            var from = ActorFor(teamId, isTeam: true);
            var to = ActorFor(assetId, isTeam: false);
            var since = DateOnly.FromDateTime(first);
            var strength = StrengthOf(count);
            var tie = byPair.TryGetValue((from.Id, to.Id), out var list) ? list.FirstOrDefault(t => t.Type == TieType.RefersTo) : null;
            if (tie is null)
            {
                tie = new RelationshipTie
                {
                    FromActorId = from.Id, ToActorId = to.Id, Type = TieType.RefersTo, IsDirected = true, Source = TieSource.Observed,
                    ObservedCount = count, Strength = strength, Since = since, RecordedAt = now, LastModified = now,
                };
                db.RelationshipTies.Add(tie);
                created++;
            }
            else if (tie.ObservedCount != count || tie.Strength != strength || tie.Since != since || !tie.IsDirected || tie.Until is not null)
            {
                tie.ObservedCount = count;
                tie.Strength = strength;
                tie.Since = since;
                tie.IsDirected = true;
                tie.Until = null;
                tie.RecordedAt = now;
                tie.LastModified = now;
                tie.Version++;
                updated++;
            }

            keep.Add(tie.Id);
        }

        var gone = observed.Where(t => !keep.Contains(t.Id)).ToList();
        db.RelationshipTies.RemoveRange(gone);
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return new ObservedTiesResult(actorsCreated, created, updated, gone.Count);
    }
}
