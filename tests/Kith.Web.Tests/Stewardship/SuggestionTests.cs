using System.Net;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Tests.Editing;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Tests.Stewardship;

public class SuggestionTests(StewardshipWebFactory factory) : IClassFixture<StewardshipWebFactory>
{
    [Fact]
    public async Task A_visitor_suggests_a_change_with_the_current_values_to_start_from_and_it_waits_for_a_moderator()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Riverside Readers");
        using var client = factory.CreateClient();
        var asset = await client.GetPageAsync($"/assets/{assetId}");
        Assert.NotNull(asset.Document.QuerySelector($"a[href='/assets/{assetId}/suggest-a-change']"));
        Assert.NotNull(asset.Document.QuerySelector($"a[href='/assets/{assetId}/claim']"));

        var form = await client.GetPageAsync($"/assets/{assetId}/suggest-a-change");
        Assert.Equal(HttpStatusCode.OK, form.Response.StatusCode);
        Assert.Equal("Riverside Readers", form.FieldValue("Input.Name"));
        Assert.Equal("01632 960000", form.FieldValue("Input.Phone"));

        var sent = await client.PostAsync(form.PathAndQuery, form.FormFields(("Input.Phone", "01632 960123"), ("Proposer.Name", "Pat"), ("Proposer.Email", "pat@example.org")));
        Assert.Equal("/assets/suggestion-sent", sent.Path);
        Assert.Contains("We will email you", sent.Text, StringComparison.Ordinal);
        var proposal = Assert.Single(await factory.ProposalsForAsync(assetId));
        Assert.Equal((ProposalKind.Edit, ProposalStatus.Pending, "01632 960123"), (proposal.Kind, proposal.Status, proposal.Proposed.Phone));
        Assert.Equal("pat@example.org", proposal.ProposerEmail);
        Assert.Equal("Riverside Readers", (await factory.AssetAsync(assetId)).Name);
    }

    [Fact]
    public async Task Bad_suggestions_are_refused_with_messages_and_keep_what_was_typed()
    {
        await factory.SeedReferenceDataAsync();
        var assetId = await factory.CreateAssetAsync("Canal Cleaners");
        using var client = factory.CreateClient();
        var url = $"/assets/{assetId}/suggest-a-change";
        var form = await client.GetPageAsync(url);

        var unchanged = await client.PostAsync(url, form.FormFields());
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.Response.StatusCode);
        Assert.Equal(["You have not changed anything. Change the details that are wrong, or tell us about it under \"Anything else\""], unchanged.Errors);

        var bad = await client.PostAsync(url, form.FormFields(("Input.Name", " "), ("Input.Postcode", "nowhere"), ("Input.Description", new string('a', 2001)), ("Proposer.Email", "not an email")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("Enter the name", bad.Errors);
        Assert.Contains("Description must be 2,000 characters or fewer", bad.Errors);
        Assert.Contains("Enter a full UK postcode, like AV1 2AB", bad.Errors);
        Assert.Contains("Enter your email address in the correct format, like name@example.org", bad.Errors);
        Assert.Equal("not an email", bad.FieldValue("Proposer.Email"));
        Assert.Equal("nowhere", bad.FieldValue("Input.Postcode"));

        var tooMuch = await client.PostAsync(url, form.FormFields(("Input.Description", new string('a', 2000)), ("Input.OtherNotes", new string('b', 2000)),
            ("Input.TimesInWords", new string('c', 2000)), ("Input.Cost", new string('d', 2000)), ("Input.Town", new string('e', 2000)), ("Input.AddressLine1", new string('f', 1000)), ("Input.Postcode", "AV1 2AB")));
        Assert.Contains("Your suggestion must be 10,000 characters or fewer in all. Make some of the answers shorter", tooMuch.Errors);

        var newForm = await client.GetPageAsync("/assets/tell-us-about-a-group-or-place");
        var empty = await client.PostAsync("/assets/tell-us-about-a-group-or-place", newForm.FormFields());
        Assert.Equal(["Enter the name of the group or place", "Enter what it is and what happens there"], empty.Errors);
        Assert.Empty(await factory.ProposalsForAsync(assetId));
    }

    [Fact]
    public async Task A_robot_that_fills_in_the_hidden_field_is_told_it_worked_but_nothing_is_saved()
    {
        using var client = factory.CreateClient();
        var form = await client.GetPageAsync("/assets/tell-us-about-a-group-or-place");
        Assert.NotNull(form.Document.QuerySelector("div[hidden] input[name=Homepage]"));
        var name = $"Cheap pills {Guid.NewGuid():N}";
        var sent = await client.PostAsync("/assets/tell-us-about-a-group-or-place", form.FormFields(("Input.Name", name), ("Input.Description", "Buy now"), ("Homepage", "https://spam.example")));
        Assert.Equal("/assets/suggestion-sent", sent.Path);
        var saved = await factory.WithDbAsync(db => db.Set<DirectoryProposal>().AsNoTracking().ToListAsync());
        Assert.DoesNotContain(saved, p => p.Proposed.Name == name);
    }

    [Fact]
    public async Task One_address_can_send_only_so_many_in_an_hour_and_keeps_what_it_typed()
    {
        using var limited = new StewardshipWebFactory { SubmissionsPerHour = 2 };
        using var client = limited.CreateClient();
        const string url = "/assets/tell-us-about-a-group-or-place";
        var form = await client.GetPageAsync(url);
        for (var i = 0; i < 2; i++)
        {
            var sent = await client.PostAsync(url, form.FormFields(("Input.Name", $"Group {i}"), ("Input.Description", "Meets weekly")));
            Assert.Equal("/assets/suggestion-sent", sent.Path);
        }

        var refused = await client.PostAsync(url, form.FormFields(("Input.Name", "Group 3"), ("Input.Description", "Meets weekly")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        Assert.Equal(["You have sent a lot in a short time. Wait an hour, then send this again"], refused.Errors);
        Assert.Equal("Group 3", refused.FieldValue("Input.Name"));
        Assert.Equal(2, await limited.WithDbAsync(db => db.Set<DirectoryProposal>().CountAsync()));
    }
}
