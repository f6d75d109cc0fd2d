using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Relationships;
using Kith.Core.Relationships.Surveys;
using Kith.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Relationships.Surveys;

public sealed partial class RelationshipSurveyServiceTests
{
    private static readonly ProcessContext Mo = new("user-mo", "Mo Manager");
    private static readonly Uri Site = new("https://kith.example/");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sending_the_links_queues_one_email_per_recipient_with_no_personal_data_and_only_once(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        await using (var db = world.Context())
        {
            Assert.Equal(2, await Service(db, world.Clock).SendLinksAsync(roundId, Site, Mo));
        }

        await using (var db = world.Context())
        {
            var again = await Assert.ThrowsAsync<SurveyRefusedException>(() => Service(db, world.Clock).SendLinksAsync(roundId, Site, Mo));
            Assert.Contains("already been sent", again.Message, StringComparison.Ordinal);
        }

        await using var check = world.Context();
        var messages = await check.OutboxMessages.AsNoTracking().OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["alex@council.example", "bea@trust.example"], messages.Select(m => m.Recipient));
        var recipients = await check.SurveyRecipients.AsNoTracking().ToListAsync();
        Assert.All(recipients, r => Assert.Contains(messages, m => m.EventKey == RelationshipSurveyService.EventKey(r.Id)));
        foreach (var message in messages)
        {
            Assert.DoesNotContain("Alex", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Bea", message.Body, StringComparison.Ordinal);
            var token = TokenIn(message.Body);
            Assert.Equal(43, token.Length);
            Assert.DoesNotContain(token, string.Join(" ", recipients.Select(r => r.TokenHash)), StringComparison.Ordinal);
        }

        Assert.Equal(SurveyStatus.Open, (await check.SurveyRounds.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_become_survey_ties_from_the_respondent_and_a_second_answer_replaces_the_first(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        var tokens = await world.SendAsync(roundId);
        var alexToken = tokens["alex@council.example"];

        await using (var db = world.Context())
        {
            var view = await Service(db, world.Clock).ReadByTokenAsync(alexToken);
            Assert.Equal(SurveyLinkState.Open, view.State);
            Assert.Equal("Alex Worker", view.RespondentName);
            Assert.DoesNotContain(view.Roster!, r => r.ActorId == world.Alex);
            Assert.Equal("Mo Manager", Assert.Single(view.Viewers!).Name);
            var result = await Service(db, world.Clock).SubmitAsync(alexToken, agreed: true,
                [
                    new SurveyAnswer(world.Bea, [TieType.WorksWith, TieType.SeeksAdviceFrom], 4, TieEnergy.Energising, "Weekly huddle"),
                    new SurveyAnswer(world.Trust, [TieType.WorksWith], 2, TieEnergy.Draining, null),
                ],
                view.Version);
            Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        }

        var answeredAt = world.Now;
        await using (var db = world.Context())
        {
            var ties = await db.RelationshipTies.AsNoTracking().OrderBy(t => t.Strength).ThenBy(t => t.Type).ToListAsync();
            Assert.Equal(3, ties.Count);
            Assert.All(ties, t =>
            {
                Assert.Equal(TieSource.Survey, t.Source);
                Assert.Equal(roundId, t.SurveyRoundId);
                Assert.Equal(world.Alex, t.FromActorId);
                Assert.Equal(answeredAt, t.RecordedAt);
            });
            Assert.Equal((world.Trust, TieType.WorksWith, false, TieEnergy.Draining), (ties[0].ToActorId, ties[0].Type, ties[0].IsDirected, ties[0].Energy));
            var advice = Assert.Single(ties, t => t.Type == TieType.SeeksAdviceFrom);
            Assert.Equal((world.Bea, true, 4, "Weekly huddle"), (advice.ToActorId, advice.IsDirected, advice.Strength, advice.Notes));
            Assert.Equal(2, ties.Count(t => t.ToActorId == world.Bea && t.Energy == TieEnergy.Energising));
            var alex = await db.RelationshipActors.AsNoTracking().SingleAsync(a => a.Id == world.Alex);
            Assert.Equal(answeredAt, alex.AgreedToMappingAt);
            Assert.Equal("in the survey", alex.AgreementHow);
            Assert.NotNull((await db.SurveyRecipients.AsNoTracking().SingleAsync(r => r.ActorId == world.Alex)).AnsweredAt);
        }

        world.Clock.Advance(TimeSpan.FromDays(1));
        await using (var db = world.Context())
        {
            var view = await Service(db, world.Clock).ReadByTokenAsync(alexToken);
            Assert.Equal(2, view.Answers!.Count);

            // A form from before the change is stale: nothing is saved.
            var stale = await Service(db, world.Clock).SubmitAsync(alexToken, true, [new SurveyAnswer(world.Bea, [TieType.WorksWith], 1, TieEnergy.Neutral, null)], view.Version - 1);
            Assert.Equal(SubmitOutcome.Conflict, stale.Outcome);
            var changed = await Service(db, world.Clock).SubmitAsync(alexToken, true, [new SurveyAnswer(world.Bea, [TieType.WorksWith], 5, TieEnergy.Neutral, null)], view.Version);
            Assert.Equal(SubmitOutcome.Saved, changed.Outcome);
        }

        await using var check = world.Context();
        var tie = await check.RelationshipTies.AsNoTracking().SingleAsync();
        Assert.Equal((world.Bea, TieType.WorksWith, 5, world.Now), (tie.ToActorId, tie.Type, tie.Strength, tie.RecordedAt));
        var recipient = await check.SurveyRecipients.AsNoTracking().SingleAsync(r => r.ActorId == world.Alex);
        Assert.Equal(answeredAt, recipient.AnsweredAt);
        Assert.Equal(world.Now, recipient.LastChangedAt);
        Assert.True(await check.AuditEvents.CountAsync(e => e.EntityType == nameof(RelationshipTie) && e.Action == AuditActions.Deleted) >= 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_answers_are_refused_with_a_message_and_nothing_is_saved(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync(roster: r => r with { RosterIsEveryone = false, RosterActorIds = [world.Bea, world.Trust] });
        var token = (await world.SendAsync(roundId))["alex@council.example"];
        await using (var db = world.Context())
        {
            var service = Service(db, world.Clock);
            var version = (await service.ReadByTokenAsync(token)).Version;
            var strength = await service.SubmitAsync(token, true, [new SurveyAnswer(world.Bea, [TieType.WorksWith], 6, TieEnergy.Neutral, null)], version);
            Assert.Equal(SubmitOutcome.Invalid, strength.Outcome);
            Assert.Equal("Choose how strong the relationship is, from 1 (weak) to 5 (strong)", Assert.Single(strength.Problems).Message);

            var offRoster = await service.SubmitAsync(token, true, [new SurveyAnswer(world.Group, [TieType.WorksWith], 3, TieEnergy.Neutral, null)], version);
            Assert.Equal(SubmitOutcome.Invalid, offRoster.Outcome);
            Assert.Contains("not on this survey's list", offRoster.Problems[0].Message, StringComparison.Ordinal);

            var notAsked = await service.SubmitAsync(token, true, [new SurveyAnswer(world.Bea, [TieType.Funds], 3, TieEnergy.Neutral, null)], version);
            Assert.Equal(SubmitOutcome.Invalid, notAsked.Outcome);

            var unagreed = await service.SubmitAsync(token, false, [new SurveyAnswer(world.Bea, [TieType.WorksWith], 3, TieEnergy.Neutral, null)], version);
            Assert.Equal(SubmitOutcome.Invalid, unagreed.Outcome);

            var tampered = await service.SubmitAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), true, [], version);
            Assert.Equal(SubmitOutcome.Unknown, tampered.Outcome);
            Assert.Equal(SurveyLinkState.Unknown, (await service.ReadByTokenAsync("not-a-token")).State);
        }

        await using var check = world.Context();
        Assert.Equal(0, await check.RelationshipTies.CountAsync());
        Assert.Null((await check.RelationshipActors.SingleAsync(a => a.Id == world.Alex)).AgreedToMappingAt);
        Assert.Null((await check.SurveyRecipients.SingleAsync(r => r.ActorId == world.Alex)).AnsweredAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_closed_round_refuses_answers_and_keeps_those_given(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        var tokens = await world.SendAsync(roundId);
        await using (var db = world.Context())
        {
            var service = Service(db, world.Clock);
            var version = (await service.ReadByTokenAsync(tokens["bea@trust.example"])).Version;
            Assert.Equal(SubmitOutcome.Saved, (await service.SubmitAsync(tokens["bea@trust.example"], true, [new SurveyAnswer(world.Alex, [TieType.WorksWith], 3, TieEnergy.Neutral, null)], version)).Outcome);
            await service.CloseAsync(roundId, Mo);
        }

        await using (var db = world.Context())
        {
            var service = Service(db, world.Clock);
            var view = await service.ReadByTokenAsync(tokens["alex@council.example"]);
            Assert.Equal(SurveyLinkState.Closed, view.State);
            Assert.Null(view.Roster);
            var refused = await service.SubmitAsync(tokens["alex@council.example"], true, [new SurveyAnswer(world.Bea, [TieType.WorksWith], 3, TieEnergy.Neutral, null)], 2);
            Assert.Equal(SubmitOutcome.Closed, refused.Outcome);
            await Assert.ThrowsAsync<SurveyRefusedException>(() => service.CloseAsync(roundId, Mo));
            await Assert.ThrowsAsync<SurveyRefusedException>(() => service.RemindAsync(roundId, Site, Mo));
        }

        await using var check = world.Context();
        Assert.Equal(world.Bea, (await check.RelationshipTies.SingleAsync()).FromActorId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_round_past_its_closing_date_is_closed_without_anyone_closing_it(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        var token = (await world.SendAsync(roundId))["alex@council.example"];
        world.Clock.Advance(TimeSpan.FromDays(14)); // closes on the 17th; now the 17th, 09:00: still open
        await using (var db = world.Context())
        {
            Assert.Equal(SurveyLinkState.Open, (await Service(db, world.Clock).ReadByTokenAsync(token)).State);
        }

        world.Clock.Advance(TimeSpan.FromHours(15));
        await using var check = world.Context();
        Assert.Equal(SurveyLinkState.Closed, (await Service(check, world.Clock).ReadByTokenAsync(token)).State);
        Assert.Equal(SurveyStatus.Closed, (await Service(check, world.Clock).ListAsync()).Single().Status);
    }

    [Fact]
    public void A_round_closes_at_the_end_of_its_closing_day_in_UK_time()
    {
        var summer = new SurveyRound { Title = "t", Topic = "t", CreatedByName = "Mo", ClosesOn = new DateOnly(2027, 6, 30) };
        Assert.Equal(new DateTime(2027, 6, 30, 23, 0, 0, DateTimeKind.Utc), summer.ClosesAt);
        var winter = new SurveyRound { Title = "t", Topic = "t", CreatedByName = "Mo", ClosesOn = new DateOnly(2027, 1, 31) };
        Assert.Equal(new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc), winter.ClosesAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reminder_goes_only_to_those_who_have_not_answered_with_its_own_key_and_a_new_link(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        var tokens = await world.SendAsync(roundId);
        await using (var db = world.Context())
        {
            var service = Service(db, world.Clock);
            var version = (await service.ReadByTokenAsync(tokens["bea@trust.example"])).Version;
            await service.SubmitAsync(tokens["bea@trust.example"], true, [new SurveyAnswer(world.Alex, [TieType.WorksWith], 3, TieEnergy.Neutral, null)], version);
            Assert.Equal(1, await service.RemindAsync(roundId, Site, Mo));
            Assert.Equal(1, await service.RemindAsync(roundId, Site, Mo));
        }

        await using var check = world.Context();
        var alex = await check.SurveyRecipients.AsNoTracking().SingleAsync(r => r.ActorId == world.Alex);
        var reminders = await check.OutboxMessages.AsNoTracking().Where(m => m.Subject.StartsWith("Reminder")).OrderBy(m => m.EventKey).ToListAsync();
        Assert.Equal([RelationshipSurveyService.ReminderEventKey(alex.Id, 1), RelationshipSurveyService.ReminderEventKey(alex.Id, 2)], reminders.Select(m => m.EventKey));
        Assert.All(reminders, m => Assert.Equal("alex@council.example", m.Recipient));
        var latest = TokenIn(reminders[1].Body);
        Assert.Equal(SurveyLinkState.Open, (await Service(check, world.Clock).ReadByTokenAsync(latest)).State);
        Assert.Equal(SurveyLinkState.Unknown, (await Service(check, world.Clock).ReadByTokenAsync(tokens["alex@council.example"])).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Running_a_round_again_copies_questions_roster_recipients_and_viewers_with_fresh_links(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync(roster: r => r with { RosterIsEveryone = false, RosterActorIds = [world.Bea, world.Trust] });
        await world.SendAsync(roundId);
        Guid againId;
        await using (var db = world.Context())
        {
            againId = await Service(db, world.Clock).RepeatAsync(roundId, "Spring again", new DateOnly(2027, 3, 31), Mo);
        }

        await using var check = world.Context();
        var again = await check.SurveyRounds.AsNoTracking().Include(r => r.Roster).Include(r => r.Viewers).Include(r => r.Recipients).SingleAsync(r => r.Id == againId);
        Assert.Equal(roundId, again.PreviousRoundId);
        Assert.Equal(("Spring again", "mental health in Northfield", SurveyStatus.Draft, new DateOnly(2027, 3, 31)), (again.Title, again.Topic, again.Status, again.ClosesOn));
        Assert.Equal((true, true, false, true, true), (again.AsksWorksWith, again.AsksAdvice, again.AsksSharesInformation, again.AsksStrength, again.AsksEnergy));
        Assert.False(again.RosterIsEveryone);
        Assert.Equal(new[] { world.Bea, world.Trust }.Order(), again.Roster.Select(a => a.ActorId).Order());
        Assert.Equal(new[] { world.Alex, world.Bea }.Order(), again.Recipients.Select(a => a.ActorId).Order());
        Assert.All(again.Recipients, r => Assert.Null(r.TokenHash));
        Assert.Equal("user-mo", Assert.Single(again.Viewers).UserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comparing_two_rounds_counts_new_gone_stronger_and_weaker_ties_and_the_response_rate(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var first = await world.RoundAsync();
        var firstTokens = await world.SendAsync(first);
        await world.AnswerAsync(firstTokens["alex@council.example"], [
            new SurveyAnswer(world.Bea, [TieType.WorksWith], 2, TieEnergy.Draining, null),
            new SurveyAnswer(world.Trust, [TieType.WorksWith, TieType.SeeksAdviceFrom], 4, TieEnergy.Energising, null),
        ]);
        await using (var db = world.Context())
        {
            await Service(db, world.Clock).CloseAsync(first, Mo);
        }

        Guid second;
        await using (var db = world.Context())
        {
            second = await Service(db, world.Clock).RepeatAsync(first, null, new DateOnly(2027, 1, 31), Mo);
        }

        var secondTokens = await world.SendAsync(second);
        await world.AnswerAsync(secondTokens["alex@council.example"], [
            new SurveyAnswer(world.Bea, [TieType.WorksWith], 5, TieEnergy.Energising, null),
            new SurveyAnswer(world.Trust, [TieType.WorksWith], 3, TieEnergy.Energising, null),
            new SurveyAnswer(world.Group, [TieType.WorksWith], 3, TieEnergy.Neutral, null),
        ]);
        await world.AnswerAsync(secondTokens["bea@trust.example"], [new SurveyAnswer(world.Alex, [TieType.WorksWith], 5, TieEnergy.Energising, null)]);

        await using var check = world.Context();
        var comparison = await Service(check, world.Clock).CompareAsync(second);
        Assert.NotNull(comparison);
        Assert.Equal((2, 2, 2, 100, 4), (comparison.This.Recipients, comparison.This.Sent, comparison.This.Answered, comparison.This.ResponseRate, comparison.This.TiesNamed));
        Assert.Equal((2, 1, 50, 3), (comparison.Other.Sent, comparison.Other.Answered, comparison.Other.ResponseRate, comparison.Other.TiesNamed));
        Assert.Equal(4.0, comparison.This.MeanStrength);
        Assert.Equal(10.0 / 3, comparison.Other.MeanStrength!.Value, 6);

        // New: Alex → group, Bea → Alex. Gone: Alex → trust (advice). Stronger: Alex → Bea. Weaker: Alex → trust (works with).
        Assert.Equal((2, 1, 1, 1, 0), (comparison.New, comparison.NoLongerNamed, comparison.Stronger, comparison.Weaker, comparison.Same));
        Assert.Equal((0, 1, 3), (comparison.This.Draining, comparison.This.Neutral, comparison.This.Energising));
        Assert.Equal((1, 0, 1), (comparison.Other.Draining, comparison.Other.Neutral, comparison.Other.Energising));
        Assert.Null(await Service(check, world.Clock).CompareAsync(first));
        Assert.NotNull(await Service(check, world.Clock).CompareAsync(first, second));
    }

    [Fact]
    public void Counts_under_five_are_shown_as_fewer_than_five()
    {
        Assert.Equal("fewer than 5", SurveyComparison.Show(0));
        Assert.Equal("fewer than 5", SurveyComparison.Show(4));
        Assert.Equal("5", SurveyComparison.Show(5));
        Assert.Equal("12", SurveyComparison.Show(12));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Personal_answers_are_for_the_named_viewers_only_and_each_look_is_audited(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var roundId = await world.RoundAsync();
        var tokens = await world.SendAsync(roundId);
        await world.AnswerAsync(tokens["alex@council.example"], [new SurveyAnswer(world.Bea, [TieType.WorksWith], 2, TieEnergy.Draining, "Hard to reach")]);
        await using var db = world.Context();
        var service = Service(db, world.Clock);
        Assert.Null(await service.AnswersAsync(roundId, new ProcessContext("user-other", "Other Manager")));
        var answers = await service.AnswersAsync(roundId, Mo);
        var alex = Assert.Single(answers!);
        Assert.Equal("Alex Worker", alex.RespondentName);
        var answer = Assert.Single(alex.Answers);
        Assert.Equal(("Bea Officer", TieEnergy.Draining, "Hard to reach"), (answer.ActorName, answer.Energy, answer.Note));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.EntityType == RelationshipSurveyService.AnswersViewedEntityType && e.UserId == "user-mo"));
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.EntityType == RelationshipSurveyService.AnswersViewedEntityType && e.UserId == "user-other"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_round_needs_a_title_a_question_a_future_date_recipients_with_email_and_viewers(Provider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await using var db = world.Context();
        var problems = await Service(db, world.Clock).CheckAsync(new NewSurveyRound(" ", null, false, false, false, true, true, new DateOnly(2026, 12, 2), false, [], [world.Trust], ["user-nobody"]));
        Assert.Equal(["Title", "Topic", "Questions", "ClosesOn", "Roster", "Recipients", "Viewers"], problems.Select(p => p.Field));
        await Assert.ThrowsAsync<SurveyRefusedException>(() => Service(db, world.Clock).CreateAsync(new NewSurveyRound("x", "y", true, false, false, true, true, new DateOnly(2027, 1, 1), true, [], [world.NoEmail], ["user-mo"]), Mo));
        Assert.Equal(0, await db.SurveyRounds.CountAsync());
    }

    private static RelationshipSurveyService Service(KithDbContext db, TimeProvider clock) => new(db, new NotificationService(db, clock), clock);

    private static string TokenIn(string body) => LinkPattern().Match(body).Groups[1].Value;

    [GeneratedRegex(@"/survey/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    /// <summary>Two staff members with email (Alex, Bea), one without, an organisation, a group, and Mo the manager; 3 December 2026 09:00 UTC.</summary>
    private sealed record World(TestDatabase Database, FakeTimeProvider Clock, Guid Alex, Guid Bea, Guid NoEmail, Guid Trust, Guid Group) : IAsyncDisposable
    {
        public DateTime Now => Clock.GetUtcNow().UtcDateTime;

        public static async Task<World> CreateAsync(Provider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
            await using var db = database.CreateContext(clock);
            db.Actor = Mo;
            var now = clock.GetUtcNow().UtcDateTime;
            RelationshipActor Actor(string name, ActorKind kind, string? email = null, string? sector = null) =>
                new() { Name = name, Kind = kind, Email = email, Sector = sector, CreatedAt = now, LastModified = now };
            var alex = Actor("Alex Worker", ActorKind.StaffMember, "alex@council.example", "social care");
            var bea = Actor("Bea Officer", ActorKind.StaffMember, "bea@trust.example", "health");
            var noEmail = Actor("Cal Nomail", ActorKind.StaffMember);
            var trust = Actor("Northfield Trust", ActorKind.Organisation, "info@trust.example", "health");
            var group = Actor("Friday Walkers", ActorKind.CommunityGroup, null, "voluntary and community");
            db.RelationshipActors.AddRange(alex, bea, noEmail, trust, group);
            var role = new IdentityRole(KithRoles.Manager) { NormalizedName = KithRoles.Manager.ToUpperInvariant() };
            db.Roles.Add(role);
            db.Users.Add(new KithUser { Id = "user-mo", DisplayName = "Mo Manager", UserName = "mo@kith.example", Email = "mo@kith.example", CreatedAt = now });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "user-mo", RoleId = role.Id });
            await db.SaveChangesAsync();
            return new World(database, clock, alex.Id, bea.Id, noEmail.Id, trust.Id, group.Id);
        }

        public KithDbContext Context() => Database.CreateContext(Clock);

        public async Task<Guid> RoundAsync(Func<NewSurveyRound, NewSurveyRound>? roster = null)
        {
            var input = new NewSurveyRound("Spring partnership survey", "mental health in Northfield", true, true, false, true, true, new DateOnly(2026, 12, 17), true, [], [Alex, Bea], ["user-mo"]);
            await using var db = Context();
            return await Service(db, Clock).CreateAsync(roster is null ? input : roster(input), Mo);
        }

        /// <summary>Sends the links and returns each recipient's token from the outbox, by email address.</summary>
        public async Task<Dictionary<string, string>> SendAsync(Guid roundId)
        {
            await using var db = Context();
            await Service(db, Clock).SendLinksAsync(roundId, Site, Mo);
            var keys = await db.SurveyRecipients.Where(r => r.RoundId == roundId).Select(r => r.Id).ToListAsync();
            var eventKeys = keys.Select(RelationshipSurveyService.EventKey).ToList();
            return await db.OutboxMessages.AsNoTracking().Where(m => eventKeys.Contains(m.EventKey!)).ToDictionaryAsync(m => m.Recipient, m => TokenIn(m.Body));
        }

        public async Task AnswerAsync(string token, IReadOnlyCollection<SurveyAnswer> answers)
        {
            await using var db = Context();
            var service = Service(db, Clock);
            var result = await service.SubmitAsync(token, true, answers, (await service.ReadByTokenAsync(token)).Version);
            Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
