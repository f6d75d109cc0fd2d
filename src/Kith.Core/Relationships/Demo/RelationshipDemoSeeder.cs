using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Relationships.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Relationships.Demo;

/// <summary>What the demo seed wrote.</summary>
public sealed record RelationshipDemoResult(int Actors, int Ties, int Snapshots);

/// <summary>
/// A fictional partnership map for the demo area: about 60 actors across health, social care, voluntary and community,
/// housing, education, council and faith, in five neighbourhoods (Northfield among them); the demo link workers' team and
/// some of the directory's community assets linked in; staff members and resident representatives who agreed (and one
/// who has not, so kept off the map); about 200 ties of every type; and two snapshots a year apart, some ties stronger in
/// the first, so "faded since the last snapshot" has something to show. Deterministic: a fixed seed.
/// </summary>
public sealed class RelationshipDemoSeeder(KithDbContext db, TimeProvider clock, RelationshipMapService map, RelationshipAnalysisService analysis)
{
    public static readonly ProcessContext SeedContext = ProcessContext.System("demo relationship map");

    private const int Seed = 20260606;
    private const int TargetTies = 200;

    private static readonly string[] Areas = ["Northfield", "Millbrook", "Riverside", "Old Town", "Eastfield"];

    // name, kind, sector, area index (-1: whole area), decides about, knows about, budget, time, interest, influence
    private static readonly (string Name, ActorKind Kind, string Sector, int Area, string? Decides, string? Knows, BudgetBand? Budget, TimeToGive? Time, int Interest, int Influence)[] Actors =
    [
        ("Ashworth Vale Integrated Care Board", ActorKind.Organisation, "health", -1, "mental health; loneliness; housing", null, BudgetBand.Over1m, TimeToGive.Little, 3, 5),
        ("Ashworth Vale Primary Care Network", ActorKind.Organisation, "health", -1, "social prescribing", "long-term conditions", BudgetBand.From100kTo1m, TimeToGive.Little, 4, 4),
        ("Northfield Medical Practice", ActorKind.Organisation, "health", 0, null, "long-term conditions; mental health", null, TimeToGive.Little, 3, 3),
        ("Millbrook Health Centre", ActorKind.Organisation, "health", 1, null, "mental health", null, TimeToGive.None, 2, 3),
        ("Community Mental Health Team North", ActorKind.Team, "health", 0, "mental health", "mental health; young people", BudgetBand.From10kTo100k, TimeToGive.Little, 4, 4),
        ("Northfield District Nurses", ActorKind.Team, "health", 0, null, "loneliness; older people", null, TimeToGive.Some, 4, 2),
        ("Riverside Health Visitors", ActorKind.Team, "health", 2, null, "young people; families", null, TimeToGive.Some, 4, 2),
        ("Adult Social Care North", ActorKind.Team, "social care", 0, "care and support", "older people; carers", BudgetBand.Over1m, TimeToGive.Little, 3, 5),
        ("Reablement Team", ActorKind.Team, "social care", -1, null, "older people", null, TimeToGive.Little, 3, 2),
        ("Early Help Family Service", ActorKind.Team, "social care", 2, "young people", "young people; families", BudgetBand.From100kTo1m, TimeToGive.Some, 5, 3),
        ("Vale Carers' Centre", ActorKind.Organisation, "social care", -1, null, "carers; loneliness", BudgetBand.From10kTo100k, TimeToGive.Some, 5, 2),
        ("Vale Home Care Cooperative", ActorKind.Organisation, "social care", 3, null, "older people", null, TimeToGive.None, 2, 1),
        ("Ashworth Vale CVS", ActorKind.Organisation, "voluntary and community", -1, "small grants", "volunteering; community groups", BudgetBand.From10kTo100k, TimeToGive.Some, 5, 3),
        ("Northfield Community Association", ActorKind.CommunityGroup, "voluntary and community", 0, null, "loneliness; Northfield", null, TimeToGive.Plenty, 5, 2),
        ("Northfield Men's Shed", ActorKind.CommunityGroup, "voluntary and community", 0, null, "loneliness; mental health", null, TimeToGive.Plenty, 4, 1),
        ("Eastfield Community Pantry", ActorKind.CommunityGroup, "voluntary and community", 4, null, "food; money worries", null, TimeToGive.Some, 5, 1),
        ("Age Friendly Vale", ActorKind.Organisation, "voluntary and community", -1, null, "older people; loneliness", null, TimeToGive.Some, 5, 2),
        ("Riverside Youth Project", ActorKind.CommunityGroup, "voluntary and community", 2, null, "young people", null, TimeToGive.Some, 5, 1),
        ("Vale Mind", ActorKind.Organisation, "voluntary and community", -1, null, "mental health", BudgetBand.From100kTo1m, TimeToGive.Little, 5, 3),
        ("Citizens Advice Ashworth Vale", ActorKind.Organisation, "voluntary and community", 3, null, "money worries; housing", null, TimeToGive.Little, 4, 2),
        ("Northfield Walking Group", ActorKind.CommunityGroup, "voluntary and community", 0, null, "physical activity; loneliness", null, TimeToGive.Plenty, 4, 1),
        ("Millbrook Time Bank", ActorKind.CommunityGroup, "voluntary and community", 1, null, "volunteering", null, TimeToGive.Plenty, 4, 1),
        ("Refugee Welcome Vale", ActorKind.CommunityGroup, "voluntary and community", 3, null, "new arrivals; language", null, TimeToGive.Some, 5, 1),
        ("Friends of Millbrook Park", ActorKind.CommunityGroup, "voluntary and community", 1, null, "green spaces", null, TimeToGive.Some, 3, 1),
        ("Vale Food Partnership", ActorKind.Organisation, "voluntary and community", -1, "food", "food; money worries", BudgetBand.From10kTo100k, TimeToGive.Little, 4, 2),
        ("Vale Homes", ActorKind.Organisation, "housing", -1, "housing", "housing", BudgetBand.Over1m, TimeToGive.Little, 3, 4),
        ("Northfield Housing Officers", ActorKind.Team, "housing", 0, null, "housing; Northfield", null, TimeToGive.Little, 3, 2),
        ("Homelessness Prevention Team", ActorKind.Team, "housing", -1, "housing", "housing; money worries", BudgetBand.From100kTo1m, TimeToGive.Little, 4, 3),
        ("Vale Tenants' Federation", ActorKind.CommunityGroup, "housing", -1, null, "housing", null, TimeToGive.Some, 5, 2),
        ("Northfield Primary School", ActorKind.Organisation, "education", 0, null, "young people; families", null, TimeToGive.Little, 3, 2),
        ("Castle Hill Academy", ActorKind.Organisation, "education", 3, null, "young people", null, TimeToGive.Little, 2, 2),
        ("Vale College", ActorKind.Organisation, "education", -1, "adult learning", "young people; skills", BudgetBand.From100kTo1m, TimeToGive.Little, 3, 3),
        ("Family Learning Service", ActorKind.Team, "education", -1, null, "families; language", null, TimeToGive.Some, 4, 1),
        ("Council Public Health", ActorKind.Team, "council", -1, "mental health; loneliness; physical activity", "health data", BudgetBand.Over1m, TimeToGive.Little, 4, 5),
        ("Council Commissioning", ActorKind.Team, "council", -1, "care and support; young people", null, BudgetBand.Over1m, TimeToGive.None, 2, 5),
        ("Neighbourhoods Team", ActorKind.Team, "council", 0, "small grants; green spaces", "Northfield; community groups", BudgetBand.From10kTo100k, TimeToGive.Some, 4, 3),
        ("Libraries and Leisure", ActorKind.Team, "council", -1, null, "physical activity; loneliness", null, TimeToGive.Some, 4, 2),
        ("Community Safety Partnership", ActorKind.Organisation, "council", -1, "community safety", "young people", BudgetBand.From10kTo100k, TimeToGive.Little, 2, 3),
        ("Vale Employment Hub", ActorKind.Team, "council", 4, null, "skills; money worries", null, TimeToGive.Little, 3, 2),
        ("St Aidan's Church", ActorKind.CommunityGroup, "faith", 3, null, "loneliness; older people", null, TimeToGive.Plenty, 4, 2),
        ("Ashworth Vale Central Mosque", ActorKind.CommunityGroup, "faith", 3, null, "young people; families", null, TimeToGive.Some, 4, 2),
        ("Riverside Gurdwara", ActorKind.CommunityGroup, "faith", 2, null, "food; older people", null, TimeToGive.Some, 3, 2),
        ("Northfield Methodist Church", ActorKind.CommunityGroup, "faith", 0, null, "loneliness", null, TimeToGive.Plenty, 4, 1),
        ("Dr Asha Patel", ActorKind.StaffMember, "health", 0, "social prescribing", "mental health", null, TimeToGive.Little, 5, 4),
        ("Sam Okafor", ActorKind.StaffMember, "social care", 0, null, "older people; carers", null, TimeToGive.Some, 4, 2),
        ("Jo Whitaker", ActorKind.StaffMember, "housing", 0, null, "housing", null, TimeToGive.Some, 4, 2),
        ("Lena Nowak", ActorKind.StaffMember, "voluntary and community", 0, null, "loneliness; community groups", null, TimeToGive.Some, 5, 2),
        ("Chris Dale", ActorKind.StaffMember, "council", -1, null, null, null, null, 3, 3),
        ("Pat Greenwood", ActorKind.ResidentRepresentative, "voluntary and community", 0, null, "Northfield; older people", null, TimeToGive.Plenty, 5, 2),
        ("Imran Hussain", ActorKind.ResidentRepresentative, "education", 3, null, "young people", null, TimeToGive.Some, 5, 1),
        ("Maureen Clarke", ActorKind.ResidentRepresentative, "social care", 1, null, "carers", null, TimeToGive.Some, 5, 1),
        ("Kofi Mensah", ActorKind.ResidentRepresentative, "housing", 2, null, "housing", null, TimeToGive.Some, 4, 1),
    ];

    private static string Label(DateOnly day) =>
        "Partnership map, " + day.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Whether there is anything on the map already (the seed then does nothing).</summary>
    public Task<bool> HasActorsAsync(CancellationToken cancellationToken = default) => db.RelationshipActors.AnyAsync(cancellationToken);

    public async Task<RelationshipDemoResult> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await HasActorsAsync(cancellationToken))
        {
            return new RelationshipDemoResult(0, 0, 0);
        }

#pragma warning disable CA5394 // Not for security: a fixed seed is the point, so the demo data is reproducible.
        var random = new Random(Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var yearAgo = today.AddYears(-1);
        var actors = new List<RelationshipActor>();
        foreach (var a in Actors)
        {
            var values = new ActorValues
            {
                Kind = a.Kind,
                Name = a.Name,
                Sector = a.Sector,
                Area = a.Area < 0 ? "Ashworth Vale" : Areas[a.Area],
                DecidesAbout = a.Decides,
                KnowsAbout = a.Knows,
                HoldsBudget = a.Budget is not null,
                BudgetBand = a.Budget,
                TimeToGive = a.Time,
                Interest = a.Interest,
                Influence = a.Influence,
                DesiredInterest = a.Influence >= 4 && a.Interest <= 3 ? 4 : null,
                DesiredInfluence = a.Kind == ActorKind.ResidentRepresentative || (a.Interest == 5 && a.Influence <= 2) ? 3 : null,
                Email = a.Kind is ActorKind.StaffMember or ActorKind.ResidentRepresentative
                    ? $"{a.Name.ToLowerInvariant().Replace("dr ", string.Empty, StringComparison.Ordinal).Replace(' ', '.')}@demo.kith.invalid"
                    : null,
            };
            actors.Add(map.NewActor(values));
        }

        // The demo link workers' team and some of the directory's community assets, linked to Kith's own records.
        if (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(cancellationToken) is { } team)
        {
            actors.Add(map.NewActor(new ActorValues { Kind = ActorKind.Team, Name = team.Name, Sector = "voluntary and community", Area = "Ashworth Vale", TeamId = team.Id, KnowsAbout = "social prescribing; community groups", TimeToGive = TimeToGive.Some, Interest = 5, Influence = 2 }));
        }

        var assets = await db.CommunityAssets.AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).Take(8).ToListAsync(cancellationToken);
        foreach (var asset in assets.Where(x => actors.All(a => !string.Equals(a.Name, x.Name, StringComparison.OrdinalIgnoreCase))))
        {
            actors.Add(map.NewActor(new ActorValues { Kind = ActorKind.CommunityAsset, Name = asset.Name, Sector = "voluntary and community", Area = Areas[random.Next(Areas.Length)], CommunityAssetId = asset.Id, TimeToGive = TimeToGive.Some, Interest = 3, Influence = 1 }));
        }

        foreach (var person in actors.Where(a => a.IsIdentifiablePerson && a.Name != "Chris Dale"))
        {
            person.AgreedToMappingAt = now.AddDays(-400);
            person.AgreementHow = person.Kind == ActorKind.StaffMember ? "by email to the partnership manager" : "at the residents' panel, in writing";
        }

        // Ties: each actor to a few others, more often within its own area or sector; every type, every strength.
        var ties = new List<RelationshipTie>();
        var keys = new HashSet<(Guid, Guid, TieType)>();
        var types = Enum.GetValues<TieType>();
        var frequencies = Enum.GetValues<TieFrequency>();
        var attempts = 0;
        while (ties.Count < TargetTies && attempts++ < 10_000)
        {
            var from = actors[random.Next(actors.Count)];
            var to = actors[random.Next(actors.Count)];
            if (from.Id == to.Id)
            {
                continue;
            }

            var close = from.Area == to.Area || from.Sector == to.Sector;
            if (!close && random.NextDouble() < 0.55)
            {
                continue;
            }

            var type = from.HoldsBudget && !to.HoldsBudget && random.NextDouble() < 0.35 ? TieType.Funds : types[random.Next(types.Length)];
            var directed = RelationshipLabels.DirectedByDefault(type);
            var (a, b) = directed || from.Id.CompareTo(to.Id) < 0 ? (from.Id, to.Id) : (to.Id, from.Id);
            if (!keys.Add((a, b, type)) || (!directed && !keys.Add((b, a, type))))
            {
                continue;
            }

            var strength = close ? random.Next(2, 6) : random.Next(1, 4);
            var values = new TieValues
            {
                FromActorId = a,
                ToActorId = b,
                Type = type,
                IsDirected = directed,
                Strength = strength,
                Frequency = frequencies[Math.Clamp(5 - strength + random.Next(-1, 2), 0, frequencies.Length - 1)],
                Since = yearAgo.AddDays(-random.Next(30, 2000)),
            };
            ties.Add(map.NewTie(values));
        }

        // About one in ten began since last year.
        foreach (var tie in ties.Where((_, i) => i % 10 == 3))
        {
            tie.Since = today.AddDays(-random.Next(20, 300));
        }

        await map.AddSeededAsync(actors, ties, SeedContext, cancellationToken);
        var first = await analysis.TakeSnapshotAsync(Label(yearAgo), SeedContext, yearAgo, cancellationToken);

        // Since then: some ties faded a step or two, a few ended, none of the new ones are in the first snapshot.
        var faded = ties.Where((t, i) => i % 10 != 3 && t.Strength >= 3 && i % 4 == 1).ToList();
        var ended = ties.Where((t, i) => i % 10 != 3 && i % 17 == 5).ToList();
        await map.ChangeSeededAsync(
            faded.Select(t => (t.Id, Strength: t.Strength - 1 - (t.Strength == 5 ? 1 : 0), Until: (DateOnly?)null))
                .Concat(ended.Where(t => !faded.Contains(t)).Select(t => (t.Id, t.Strength, Until: (DateOnly?)today.AddDays(-random.Next(30, 120))))),
            SeedContext, cancellationToken);
#pragma warning restore CA5394
        await analysis.TakeSnapshotAsync(Label(today), SeedContext, today, cancellationToken);
        await db.RelationshipSnapshots.Where(s => s.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TakenAt, now.AddYears(-1)), cancellationToken);
        return new RelationshipDemoResult(actors.Count, ties.Count, 2);
    }
}
