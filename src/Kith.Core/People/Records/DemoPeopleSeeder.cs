using System.Security.Cryptography;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Platform.Teams;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Records;

/// <summary>
/// Adds 40 FICTIONAL people to the demo area, worked with by the demo team ("Ashworth Vale link workers", whose
/// members are the demo practitioner and the demo manager). Deterministic: fixed seed, ids derived from names,
/// dates counted back from the given day. Protected fields are written plain; the DbContext encrypts them.
/// </summary>
public sealed class DemoPeopleSeeder(KithDbContext db)
{
    public const string TeamName = "Ashworth Vale link workers";

    private const int Seed = 20261203;
    private const string Worker = "Demo link worker";

    private static readonly string[] First = ["Amira", "Bernard", "Chloe", "Dariusz", "Eileen", "Farhan", "Grace", "Hamza", "Iris", "Jamal", "Kath", "Leon", "Maryam", "Niall", "Olena", "Priya", "Quentin", "Rosa", "Samir", "Tamsin"];
    private static readonly string[] Last = ["Ashby", "Begum", "Clarke", "Duda", "Evans", "Fitzgerald", "Hussain", "Kowalski", "Lloyd", "Moss", "Nolan", "Okafor", "Patel", "Quinn", "Rahman", "Shaw", "Tkachenko", "Walsh", "Yilmaz", "Ziegler"];
    private static readonly string?[] Pronouns = ["she/her", "he/him", "they/them", null];
    private static readonly string?[] Languages = [null, null, null, "Urdu", "Polish", "Ukrainian", "Bengali", "British Sign Language"];

    private static readonly (StrengthCategory Category, string Words)[] Strengths =
    [
        (StrengthCategory.Skill, "I can fix most bikes"), (StrengthCategory.Skill, "I cook for a crowd"), (StrengthCategory.Knowledge, "I know every footpath round the Vale"),
        (StrengthCategory.PassionOrInterest, "Gardening, especially growing tomatoes"), (StrengthCategory.PassionOrInterest, "Singing in a choir"), (StrengthCategory.Gift, "I'm a good listener"),
        (StrengthCategory.Gift, "I could teach someone to knit"), (StrengthCategory.Quality, "I don't give up"), (StrengthCategory.Quality, "People say I'm funny"),
        (StrengthCategory.Experience, "I cared for my mum for ten years"), (StrengthCategory.Experience, "I ran a market stall"), (StrengthCategory.Knowledge, "I know a lot about local history"),
    ];

    private static readonly (string Goal, string Why, string Action)[] Goals =
    [
        ("Get out of the house twice a week", "I feel better when I've seen people", "Try the Tuesday walk from Victoria Park"),
        ("Sort out my money so the letters stop", "I can't sleep for worrying", "Book a session at the advice centre"),
        ("Find a volunteering role using my cooking", "I want to feel useful again", "Visit the community kitchen on Friday"),
        ("Be able to walk to the shops without stopping", "I want to do my own shopping", "Ask the GP about the strength and balance class"),
        ("Meet other parents nearby", "It's lonely with a new baby", "Go to the stay and play at the library"),
    ];

    private static readonly string[] Quotes =
    [
        "I just want to feel like me again.", "My garden is the one place I feel calm.", "I'm not ready for groups yet, but maybe one person.",
        "When I'm cooking for people I forget about everything else.", "I used to know everyone on this street.", "Don't ring before ten, I'm not at my best.",
    ];

    /// <summary>Seeds the team and people; <paramref name="memberUserIds"/> are the demo practitioner and manager (the manager last).</summary>
    public async Task<int> SeedAsync(DateOnly today, IReadOnlyList<string> memberUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberUserIds);
#pragma warning disable CA5394 // Not for security: a fixed seed makes the demo reproducible.
        var random = new Random(Seed);
        var midnight = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var team = new Team { Id = Id("team"), Name = TeamName, Description = "The demo area's link workers.", CreatedAt = midnight.AddDays(-400) };
        team.Members.AddRange(memberUserIds.Select((u, i) => new TeamMember { Id = Id($"member-{i}"), UserId = u, IsManager = i == memberUserIds.Count - 1 && memberUserIds.Count > 1, AddedAt = team.CreatedAt }));
        db.Teams.Add(team);

        var assets = await db.CommunityAssets.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).Take(60).ToListAsync(cancellationToken);
        for (var n = 0; n < 40; n++)
        {
            var name = $"{First[n % First.Length]} {Last[(n * 7 + n / First.Length) % Last.Length]}";
            var key = $"person-{n}";
            var started = today.AddDays(-30 - random.Next(300));
            var person = new Person
            {
                Id = Id(key),
                Name = name,
                PreferredName = n % 5 == 0 ? First[n % First.Length][..3] : null,
                Pronouns = Pronouns[n % Pronouns.Length],
                DateOfBirth = n % 6 == 5 ? null : today.AddYears(-19 - random.Next(70)).AddDays(-random.Next(365)),
                Phone = $"07700 900{n:000}",
                Email = n % 3 == 0 ? $"{First[n % First.Length].ToLowerInvariant()}.{n}@example.org" : null,
                Address = $"{1 + random.Next(120)} Mill Lane, Ashworth Vale",
                Postcode = $"AV{1 + (n % 6)} {1 + random.Next(9)}AB",
                PreferredContact = (ContactMethod)(n % 6),
                ContactNotes = n % 4 == 0 ? "Text first, not before 10am" : null,
                PreferredLanguage = Languages[n % Languages.Length],
                NeedsInterpreter = n % Languages.Length is 3 or 7,
                CreatedAt = started.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                LastModified = started.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                ClosedOn = n % 13 == 12 ? today.AddDays(-10) : null,
            };
            person.Teams.Add(new PersonTeam { Id = Id(key + "-team"), PersonId = person.Id, TeamId = team.Id, Since = started });
            db.People.Add(person);
            var at = person.CreatedAt;

            db.AboutMeVersions.Add(new AboutMeVersion
            {
                Id = Id(key + "-aboutme"), PersonId = person.Id, Number = 1, WrittenAt = at, WrittenByName = Worker, SupportedBy = Worker,
                WhatMattersMost = $"Seeing my family and {Strengths[n % Strengths.Length].Words.ToLowerInvariant()}.",
                PeopleImportant = "My sister, and my neighbour who checks in on me.",
                Communication = "Speak plainly and give me time to answer.",
                PleaseDoAndDont = "Please do tell me what happens next. Please don't turn up without ringing.",
            });

            var conversation = new Conversation
            {
                Id = Id(key + "-conv"), PersonId = person.Id, HeldOn = started, Type = (ConversationType)(n % 3), WhoWasPresent = $"{person.DisplayName} and {Worker}",
                Notes = "First conversation at home.", Agreed = Goals[n % Goals.Length].Action, ComeBackOn = today.AddDays(random.Next(-5, 30)),
                RecordedAt = at, RecordedByName = Worker,
                SafetyPlan = n % 3 == 1 ? "If things get too much: ring sister first, then the crisis line." : null,
            };
            conversation.Quotes.Add(new ConversationQuote { Id = Id(key + "-quote"), PersonId = person.Id, Order = 1, Words = Quotes[n % Quotes.Length], Prompt = "What matters to you?" });
            db.Conversations.Add(conversation);

            for (var s = 0; s < 3 + (n % 6); s++)
            {
                var strength = Strengths[(n + s * 5) % Strengths.Length];
                db.Strengths.Add(new Strength
                {
                    Id = Id($"{key}-strength-{s}"), PersonId = person.Id, Category = strength.Category, Words = strength.Words, NamedBy = (NamedBy)(s % 3),
                    SearchText = strength.Words.ToLowerInvariant(), RecordedAt = at, RecordedByName = Worker,
                });
            }

            string[] tieNames = ["Sister", "Neighbour next door", "GP surgery", "Old friend from work", "Son", "Faith group"];
            for (var t = 0; t < 4 + (n % 5); t++)
            {
                var asset = t == 4 && assets.Count > 0 ? assets[(n + t) % assets.Count] : null;
                db.NetworkTies.Add(new NetworkTie
                {
                    Id = Id($"{key}-tie-{t}"), PersonId = person.Id,
                    To = asset is not null ? TieTo.CommunityAsset : t == 2 ? TieTo.Service : t == 5 ? TieTo.Group : TieTo.Person,
                    Name = asset?.Name ?? tieNames[t % tieNames.Length], CommunityAssetId = asset?.Id, IsFormal = t == 2,
                    Strength = 1 + random.Next(5), Valence = (TieValence)random.Next(4), Direction = (SupportDirection)(t % 3), Frequency = (TieFrequency)random.Next(5),
                    CouldHelpWith = t == 0 ? "Lifts to appointments" : null, CreatedAt = at, LastModified = at,
                });
            }

            for (var g = 0; g < 1 + (n % 3); g++)
            {
                var (words, why, action) = Goals[(n + g) % Goals.Length];
                var goal = new Goal
                {
                    Id = Id($"{key}-goal-{g}"), PersonId = person.Id, Words = words, WhyItMatters = why, WrittenByPerson = g == 0, UsesAttainmentScale = g == 0,
                    Expected = g == 0 ? words : null, LessThanExpected = g == 0 ? "Once a fortnight" : null, CreatedAt = at, LastModified = at,
                };
                goal.Actions.Add(new GoalAction { Id = Id($"{key}-goal-{g}-action"), PersonId = person.Id, What = action, Owner = (ActionOwner)(g % 4), DueOn = today.AddDays(7 + g * 7) });
                if (g == 0)
                {
                    goal.Ratings.Add(new GoalRating { Id = Id($"{key}-goal-rating-0"), PersonId = person.Id, RatedOn = started, Score = -1, RatedByName = Worker });
                    goal.Ratings.Add(new GoalRating { Id = Id($"{key}-goal-rating-1"), PersonId = person.Id, RatedOn = today.AddDays(-7), Score = random.Next(-1, 2), RatedByName = Worker, Note = "Going better" });
                }

                db.Goals.Add(goal);
            }

            if (n % 2 == 0)
            {
                db.Concerns.Add(new Concern
                {
                    Id = Id(key + "-concern"), PersonId = person.Id, Area = (ConcernArea)(n % 8), Description = "Worried about this; talked it through.",
                    Status = (ConcernStatus)(n % 3), WhoIsHelping = n % 4 == 0 ? "Citizens advice" : null, RaisedOn = started, LastModified = at,
                });
            }

            foreach (var (stage, on) in new[] { (CheckInStage.Start, started), (CheckInStage.FollowUp, today.AddDays(-3)) })
            {
                if (stage == CheckInStage.FollowUp && n % 3 == 2)
                {
                    continue;
                }

                var checkIn = new CheckIn { Id = Id($"{key}-ons4-{stage}"), PersonId = person.Id, InstrumentKey = "ons4", InstrumentVersion = "1", TakenOn = on, Stage = stage, RecordedAt = at, RecordedByName = Worker };
                var lift = stage == CheckInStage.FollowUp ? 2 : 0;
                foreach (var item in new[] { "satisfied", "worthwhile", "happy", "anxious" })
                {
                    var value = item == "anxious" ? Math.Max(0, 7 - lift - random.Next(3)) : Math.Min(10, 3 + lift + random.Next(4));
                    checkIn.Answers.Add(new CheckInAnswer { Id = Id($"{key}-ons4-{stage}-{item}"), PersonId = person.Id, ItemKey = item, Value = value });
                }

                db.CheckIns.Add(checkIn);
            }

            db.Consents.Add(new Consent { Id = Id(key + "-consent-team"), PersonId = person.Id, Scope = ConsentScope.Team, AgreedOn = started, How = ConsentMethod.Verbally, RecordedAt = at, RecordedByName = Worker });
            if (n % 3 == 0)
            {
                db.Consents.Add(new Consent { Id = Id(key + "-consent-research"), PersonId = person.Id, Scope = ConsentScope.ResearchAndEvaluation, AgreedOn = started, How = ConsentMethod.InWriting, RecordedAt = at, RecordedByName = Worker });
            }
        }
#pragma warning restore CA5394

        await db.SaveChangesAsync(cancellationToken);
        return 40;
    }

    private static Guid Id(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes("kith-demo-people:" + key)).AsSpan(0, 16));
}
