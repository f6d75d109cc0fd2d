using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Stewardship;

public class ModerationServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ProcessContext Visitor = new(null, "visitor (not signed in)");
    private static readonly ProcessContext Mo = new("user-mo", "Mo Moderator");
    private static readonly ProcessContext Sam = new("user-sam", "Sam Editor");

    private static readonly AssetDetails Choir = new()
    {
        Name = "Mill Lane Choir",
        NewOrganizationName = "Mill Lane Arts",
        Description = "A friendly choir.",
        Email = "choir@example.org",
        Phone = "01632 960000",
        InPerson = true,
        Place = new AssetPlace("Mill Lane Hall", "3 Mill Lane", "Avonford", "AV1 2AB"),
        CostAmount = 3m,
        CostDescription = "a session",
        Schedules = [new ScheduleRule(ScheduleFrequency.Weekly, [DayOfWeek.Tuesday], new TimeOnly(19, 0), new TimeOnly(21, 0))],
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_suggested_edit_saves_a_new_version_with_the_reason_and_emails_the_proposer(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var asset = await CreateAssetAsync(database, clock);
        var proposalId = await ProposeAsync(database, clock, asset, v => v with { Description = "A friendly choir; no auditions.", Phone = "01632 960111" }, new ProposerContact("Pat", "pat@example.org"));

        clock.Advance(TimeSpan.FromHours(1));
        await using (var db = database.CreateContext(clock))
        {
            var review = (await Service(db, clock).ReviewAsync(proposalId, Mo))!;
            Assert.False(review.AssetChangedSince);
            Assert.Equal(["Description", "Phone"], review.Fields.Where(f => f.ProposerChanged).Select(f => f.Label));
            await Service(db, clock).AcceptAsync(proposalId, Mo);
        }

        await using var check = database.CreateContext(clock);
        var saved = await check.CommunityAssets.Include(a => a.Phones).SingleAsync(a => a.Id == asset.AssetId);
        Assert.Equal(2, saved.Version);
        Assert.Equal("A friendly choir; no auditions.", saved.Description);
        Assert.Equal("01632 960111", Assert.Single(saved.Phones).Number);
        var revision = await check.AssetRevisions.SingleAsync(r => r.AssetId == asset.AssetId && r.Version == 2);
        Assert.Equal(ModerationService.RevisionReason, revision.Reason);
        Assert.Equal("Mo Moderator", revision.ActorName);
        Assert.Equal("Description, Phone", revision.Summary);

        var proposal = await check.Set<DirectoryProposal>().SingleAsync(p => p.Id == proposalId);
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        Assert.Equal("Mo Moderator", proposal.ModeratorName);
        Assert.Equal(asset.AssetId, proposal.ResultingAssetId);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, proposal.DecidedAt);
        var email = Assert.Single(await check.OutboxMessages.ToListAsync());
        Assert.Equal("pat@example.org", email.Recipient);
        Assert.Contains("accepted", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Hello Pat,", email.Body, StringComparison.Ordinal);
        Assert.Contains(await check.AuditEvents.Where(e => e.EntityType == nameof(DirectoryProposal)).Select(e => e.Action).ToListAsync(), a => a == AuditActions.Viewed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_made_since_the_suggestion_is_kept_and_a_clash_refuses_to_accept(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var asset = await CreateAssetAsync(database, clock);
        var descriptionOnly = await ProposeAsync(database, clock, asset, v => v with { Description = "Suggested description" }, null);
        var phoneToo = await ProposeAsync(database, clock, asset, v => v with { Phone = "01632 960222" }, null);

        // An editor changes the phone after both suggestions were made.
        await using (var db = database.CreateContext(clock))
        {
            var assets = Assets(db, clock);
            var current = (await assets.GetDetailsAsync(asset.AssetId))!;
            await assets.UpdateAsync(asset.AssetId, current.Version, current.Details with { Phone = "01632 960333" }, Sam);
        }

        await using (var db = database.CreateContext(clock))
        {
            var review = (await Service(db, clock).ReviewAsync(phoneToo, Mo))!;
            Assert.True(review.AssetChangedSince);
            Assert.True(review.HasClash);
            Assert.Equal(["Phone"], review.Fields.Where(f => f.Clash).Select(f => f.Label));
            var clash = await Assert.ThrowsAsync<ProposalClashException>(() => Service(db, clock).AcceptAsync(phoneToo, Mo));
            Assert.Equal(["Phone"], clash.Fields);
            Assert.Equal("01632 960222", review.StartingValues.Phone);
        }

        await using (var db = database.CreateContext(clock))
        {
            Assert.Equal(2, await db.CommunityAssets.Where(a => a.Id == asset.AssetId).Select(a => a.Version).SingleAsync());
            Assert.Equal(ProposalStatus.Pending, await db.Set<DirectoryProposal>().Where(p => p.Id == phoneToo).Select(p => p.Status).SingleAsync());
            var review = (await Service(db, clock).ReviewAsync(descriptionOnly, Mo))!;
            Assert.True(review.AssetChangedSince);
            Assert.False(review.HasClash);
            await Service(db, clock).AcceptAsync(descriptionOnly, Mo);
        }

        await using var check = database.CreateContext(clock);
        var saved = await check.CommunityAssets.Include(a => a.Phones).SingleAsync(a => a.Id == asset.AssetId);
        Assert.Equal(3, saved.Version);
        Assert.Equal("Suggested description", saved.Description);
        Assert.Equal("01632 960333", Assert.Single(saved.Phones).Number);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_then_accept_refuses_a_version_the_moderator_has_not_seen(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        var asset = await CreateAssetAsync(database, clock);
        var proposalId = await ProposeAsync(database, clock, asset, v => v with { Name = "Mill Lane Singers" }, null);
        await using (var db = database.CreateContext(clock))
        {
            var review = (await Service(db, clock).ReviewAsync(proposalId, Mo))!;
            var values = review.StartingValues with { Name = "Mill Lane Community Singers" };
            await Assert.ThrowsAsync<AssetConflictException>(() => Service(db, clock).AcceptEditedAsync(proposalId, values, review.Asset!.Version - 1, Mo));
            await Service(db, clock).AcceptEditedAsync(proposalId, values, review.Asset!.Version, Mo);
        }

        await using var check = database.CreateContext(clock);
        Assert.Equal("Mill Lane Community Singers", await check.CommunityAssets.Where(a => a.Id == asset.AssetId).Select(a => a.Name).SingleAsync());
        Assert.Empty(await check.OutboxMessages.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepting_a_new_asset_adds_it_with_its_postcode_located_and_declining_sends_the_reason(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await SeedPostcodeAsync(database);
        Guid accepted, declined;
        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            accepted = await service.ProposeNewAsync(
                new ProposedValues { Name = "Tuesday Knitters", Description = "Knit and natter.", AddressLine1 = "1 High Street", Town = "Avonford", Postcode = "av1 2ab", Cost = "Free, bring your own wool" },
                new ProposerContact(null, "knit@example.org"),
                Visitor);
            clock.Advance(TimeSpan.FromMinutes(5));
            declined = await service.ProposeNewAsync(new ProposedValues { Name = "Buy cheap watches", Description = "Spam" }, new ProposerContact("Spammer", "spam@example.org"), Visitor);
        }

        Guid assetId;
        await using (var db = database.CreateContext(clock))
        {
            var queue = await Service(db, clock).GetQueueAsync();
            Assert.Equal(["Tuesday Knitters", "Buy cheap watches"], queue.Pending.Select(p => p.Name));
            assetId = await Service(db, clock).AcceptAsync(accepted, Mo);
            await Service(db, clock).DeclineAsync(declined, "It is an advert, not a community group.", Mo);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Service(db, clock).DeclineAsync(declined, "Again", Mo));
        }

        await using var check = database.CreateContext(clock);
        var asset = await check.CommunityAssets.Include(a => a.Organization).Include(a => a.CostOptions)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).SingleAsync(a => a.Id == assetId);
        Assert.Equal("Tuesday Knitters", asset.Name);
        Assert.Equal("Tuesday Knitters", asset.Organization!.Name);
        Assert.Equal(51.5, Assert.Single(asset.ServiceAtLocations).Location!.Latitude);
        Assert.Equal("bring your own wool", asset.FeesDescription);
        Assert.Equal(ModerationService.RevisionReason, (await check.AssetRevisions.SingleAsync(r => r.AssetId == assetId)).Reason);
        var emails = await check.OutboxMessages.OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["knit@example.org", "spam@example.org"], emails.Select(m => m.Recipient));
        Assert.Contains("It is an advert, not a community group.", emails[1].Body, StringComparison.Ordinal);
        var queueAfter = await Service(check, clock).GetQueueAsync();
        Assert.Equal((0, 1, 1), (queueAfter.PendingCount, queueAfter.AcceptedCount, queueAfter.DeclinedCount));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Proposers_contact_details_are_erased_ninety_days_after_the_decision(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        Guid old, recent;
        await using (var db = database.CreateContext(clock))
        {
            var service = Service(db, clock);
            old = await service.ProposeNewAsync(new ProposedValues { Name = "Old", Description = "d" }, new ProposerContact("Ann", "ann@example.org"), Visitor);
            recent = await service.ProposeNewAsync(new ProposedValues { Name = "Recent", Description = "d" }, new ProposerContact("Ben", "ben@example.org"), Visitor);
            await service.DeclineAsync(old, "Not a group", Mo);
            clock.Advance(TimeSpan.FromDays(2));
            await service.DeclineAsync(recent, "Not a group", Mo);
        }

        clock.Advance(ModerationService.KeepContactFor - TimeSpan.FromDays(1));
        await using (var db = database.CreateContext(clock))
        {
            Assert.Equal(1, await Service(db, clock).EraseOldContactDetailsAsync());
        }

        await using var check = database.CreateContext(clock);
        var proposals = await check.Set<DirectoryProposal>().ToDictionaryAsync(p => p.Id);
        Assert.Null(proposals[old].ProposerEmail);
        Assert.Null(proposals[old].ProposerName);
        Assert.NotNull(proposals[old].ContactErasedAt);
        Assert.Equal("ben@example.org", proposals[recent].ProposerEmail);
        var audit = await check.AuditEvents.Where(e => e.EntityId == old.ToString() && e.Action == AuditActions.Updated).Select(e => e.Changes).ToListAsync();
        Assert.DoesNotContain(audit, c => c != null && c.Contains("ann@example.org", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Free", null, null)]
    [InlineData("free (donations welcome)", null, "donations welcome")]
    [InlineData("£3.50 a session", 3.50, "a session")]
    [InlineData("Pay what you can", 3.0, "Pay what you can")]
    public void Cost_words_become_an_amount_and_a_description(string words, double? amount, string? description)
    {
        var details = ModerationService.Apply(Choir, new ProposedValues { Cost = "£3.00 (a session)" }, new ProposedValues { Cost = words });
        Assert.Equal(amount is null ? null : (decimal)amount.Value, details.CostAmount);
        Assert.Equal(description, details.CostDescription);
    }

    private static AssetService Assets(KithDbContext db, TimeProvider clock) => new(db, new PostcodeService(db), new AssetSearchIndex(clock), clock);

    private static ModerationService Service(KithDbContext db, TimeProvider clock) => new(db, Assets(db, clock), new NotificationService(db, clock), clock);

    private static async Task SeedPostcodeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        if (!await db.Postcodes.AnyAsync(p => p.Code == "AV12AB"))
        {
            db.Postcodes.Add(new Postcode { Code = "AV12AB", Display = "AV1 2AB", District = "AV1", Latitude = 51.5, Longitude = -2.5 });
            await db.SaveChangesAsync();
        }
    }

    private static async Task<AssetSaved> CreateAssetAsync(TestDatabase database, TimeProvider clock)
    {
        await SeedPostcodeAsync(database);
        await using var db = database.CreateContext(clock);
        return await Assets(db, clock).CreateAsync(Choir, Sam);
    }

    private static async Task<Guid> ProposeAsync(TestDatabase database, TimeProvider clock, AssetSaved asset, Func<ProposedValues, ProposedValues> change, ProposerContact? contact)
    {
        await using var db = database.CreateContext(clock);
        var current = (await Assets(db, clock).GetDetailsAsync(asset.AssetId))!;
        return await Service(db, clock).ProposeEditAsync(asset.AssetId, current.Version, change(ProposedValues.FromDetails(current.Details)), contact, Visitor);
    }
}
