using System.Net;
using Kith.Core.Platform.Accounts;
using Kith.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kith.Web.Tests.Editing;

public class AddAssetJourneyTests(KithWebFactory factory) : IClassFixture<KithWebFactory>
{
    [Fact]
    public async Task An_editor_adds_an_asset_step_by_step_with_each_step_checked_and_kept_as_typed()
    {
        await factory.SeedReferenceDataAsync();
        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));

        var start = await client.PostAsync("/manage/assets/new");
        Assert.EndsWith("/name", start.Path, StringComparison.Ordinal);
        var draft = start.Path[..^"/name".Length];
        Assert.Matches("^/manage/assets/drafts/[0-9a-f-]{36}$", draft);

        // Name and type
        var page = await client.PostAsync($"{draft}/name", ("Input.Name", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(["Enter the name of the asset", "Select what kind of asset it is"], page.Errors);
        page = await client.PostAsync($"{draft}/name", ("Input.Name", "Mill Lane Choir"), ("Input.Kind", "Association"));
        Assert.Equal($"{draft}/organisation", page.Path);

        // Organisation
        page = await client.PostAsync($"{draft}/organisation", ("Input.OrganizationId", ""), ("Input.NewOrganizationName", ""));
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(["Select the organisation that runs it, or enter the name of a new one"], page.Errors);
        page = await client.PostAsync($"{draft}/organisation", ("Input.OrganizationId", ""), ("Input.NewOrganizationName", "Mill Lane Arts"));
        Assert.Equal($"{draft}/description", page.Path);

        // Description: a missing description keeps what was typed in the other fields.
        page = await client.PostAsync($"{draft}/description", ("Input.Description", ""), ("Input.HowToGetInvolved", "Come along to any rehearsal"),
            ("Input.IntroductionPolicy", "AcceptsIntroductions"), ("Input.Status", "Active"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(["Enter a description"], page.Errors);
        Assert.Equal("Come along to any rehearsal", page.FieldValue("Input.HowToGetInvolved"));
        page = await client.PostAsync($"{draft}/description", ("Input.Description", "A friendly community choir; no auditions."),
            ("Input.HowToGetInvolved", "Come along to any rehearsal"), ("Input.IntroductionPolicy", "AcceptsIntroductions"), ("Input.Status", "Active"));
        Assert.Equal($"{draft}/where", page.Path);

        // Where
        page = await client.PostAsync($"{draft}/where", ("Input.PlaceName", "Mill Lane Hall"));
        Assert.Equal(["Select in person, online or both"], page.Errors);
        page = await client.PostAsync($"{draft}/where", ("Input.Attendance", "InPerson"), ("Input.AddressLine1", "3 Mill Lane"), ("Input.Town", "Avonford"), ("Input.Postcode", "not a postcode"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(["Enter a full UK postcode, like AV1 2AB"], page.Errors);
        Assert.Equal("Avonford", page.FieldValue("Input.Town"));
        page = await client.PostAsync($"{draft}/where", ("Input.Attendance", "InPerson"), ("Input.AddressLine1", "3 Mill Lane"), ("Input.Town", "Avonford"), ("Input.Postcode", "AV1"));
        Assert.Equal(["Enter the full postcode, not just the first part, like AV1 2AB"], page.Errors);
        page = await client.PostAsync($"{draft}/where", ("Input.Attendance", "InPerson"), ("Input.PlaceName", "Mill Lane Hall"), ("Input.AddressLine1", "3 Mill Lane"),
            ("Input.Town", "Avonford"), ("Input.Postcode", "av12ab"));
        Assert.Equal($"{draft}/when", page.Path);

        // When
        page = await client.PostAsync($"{draft}/when", ("Input.Times[0].Frequency", "Weekly"), ("Input.Times[0].Days", "Tuesday"),
            ("Input.Times[0].Opens", "19:00"), ("Input.Times[0].Closes", "18:00"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal(["The finish time must be after the start time"], page.Errors);
        Assert.Equal("18:00", page.FieldValue("Input.Times[0].Closes"));
        page = await client.PostAsync($"{draft}/when", ("Input.Times[0].Frequency", "Weekly"), ("Input.Times[0].Days", "Tuesday"),
            ("Input.Times[0].Opens", "19:00"), ("Input.Times[0].Closes", "21:00"), ("Input.Times[1].Frequency", "Weekly"),
            ("Input.Times[1].Days", "Friday"), ("Input.Times[1].Opens", "11:00"), ("Input.Times[1].Closes", "10:00"));
        Assert.Equal(["The finish time for time 2 must be after the start time"], page.Errors);
        page = await client.PostAsync($"{draft}/when", ("Input.Times[0].Frequency", "Monthly"), ("Input.Times[0].Days", "Tuesday"),
            ("Input.Times[0].Opens", "19:00"), ("Input.Times[0].Closes", "21:00"));
        Assert.Equal(["Select which week of the month it happens"], page.Errors);
        page = await client.PostAsync($"{draft}/when", ("Input.Times[0].Frequency", "Weekly"), ("Input.Times[0].Days", "Tuesday"),
            ("Input.Times[0].Opens", "19:00"), ("Input.Times[0].Closes", "21:00"));
        Assert.Equal($"{draft}/cost", page.Path);

        // Cost
        page = await client.PostAsync($"{draft}/cost", ("Input.Free", "no"), ("Input.Amount", "three pounds"));
        Assert.Equal(["Enter the cost in pounds and pence, like 3.50"], page.Errors);
        Assert.Equal("three pounds", page.FieldValue("Input.Amount"));
        page = await client.PostAsync($"{draft}/cost", ("Input.Free", "no"), ("Input.Amount", "3"), ("Input.CostDescription", "a term, pay what you can"));
        Assert.Equal($"{draft}/who", page.Path);

        // Who
        page = await client.PostAsync($"{draft}/who", ("Input.MinimumAge", "30"), ("Input.MaximumAge", "20"));
        Assert.Equal(["Oldest age must be the same as or higher than youngest age"], page.Errors);
        page = await client.PostAsync($"{draft}/who", ("Input.MinimumAge", "16"), ("Input.Who", EditingTestSupport.YoungPeople.ToString()), ("Input.Languages", "English, Welsh"));
        Assert.Equal($"{draft}/what", page.Path);

        // What
        page = await client.PostAsync($"{draft}/what", ("Input.What", Guid.NewGuid().ToString()));
        Assert.Equal(["Select from the list"], page.Errors);
        page = await client.PostAsync($"{draft}/what", ("Input.What", EditingTestSupport.Singing.ToString()));
        Assert.Equal($"{draft}/accessibility", page.Path);

        // Accessibility
        page = await client.PostAsync($"{draft}/accessibility", ("Input.Accessibility", "StepFreeAccess"), ("Input.Accessibility", "HearingLoop"));
        Assert.Equal($"{draft}/contact", page.Path);

        // Contact
        page = await client.PostAsync($"{draft}/contact", ("Input.Email", "choir at example"), ("Input.Phone", "12"));
        Assert.Equal(["Enter an email address in the correct format, like name@example.org", "Enter a phone number, like 01632 960 001 or +44 1632 960 001"], page.Errors);
        var longEmail = "choir@" + new string('e', 300) + ".org";
        var longSite = "https://example.org/" + new string('p', 2000);
        page = await client.PostAsync($"{draft}/contact", ("Input.Email", longEmail), ("Input.Website", longSite));
        Assert.Equal(["Email address must be 254 characters or fewer", "Website address must be 2,000 characters or fewer"], page.Errors);
        Assert.Equal(longSite, page.FieldValue("Input.Website"));
        page = await client.PostAsync($"{draft}/contact", ("Input.Email", "choir@example.org"), ("Input.Phone", "01632 960123"));
        Assert.Equal($"{draft}/check-answers", page.Path);

        // Check your answers, with a change that returns here.
        var text = page.Text;
        foreach (var expected in new[] { "Mill Lane Choir", "Mill Lane Arts (new)", "Mill Lane Hall, 3 Mill Lane, Avonford, AV1 2AB", "Tuesdays, 19:00 to 21:00",
            "£3.00 (a term, pay what you can)", "16 and over", "Young people", "Singing", "English, Welsh", "Step-free access", "choir@example.org" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.NotNull(page.Document.QuerySelector($"a[href='{draft}/name?from=check']"));
        page = await client.PostAsync($"{draft}/name?from=check", ("Input.Name", "Mill Lane Community Choir"), ("Input.Kind", "Association"));
        Assert.Equal($"{draft}/check-answers", page.Path);
        Assert.Contains("Mill Lane Community Choir", page.Text, StringComparison.Ordinal);

        // Add it: the confirmation links to the public page, which shows it.
        page = await client.PostAsync($"{draft}/check-answers");
        Assert.Matches("^/manage/assets/[0-9a-f-]{36}/saved$", page.Path);
        Assert.Contains("Asset added", page.Text, StringComparison.Ordinal);
        var id = Guid.Parse(page.Path.Split('/')[3]);
        var link = page.Document.QuerySelector($"a[href='/assets/{id}']");
        Assert.NotNull(link);
        var asset = await factory.GetAssetAsync(id);
        Assert.Equal(("Mill Lane Community Choir", "Mill Lane Arts", 1), (asset.Name, asset.Organization!.Name, asset.Version));
        var publicPage = await client.GetPageAsync($"/assets/{id}");
        Assert.Equal(HttpStatusCode.OK, publicPage.Response.StatusCode);
        Assert.Contains("Mill Lane Community Choir", publicPage.Text, StringComparison.Ordinal);

        // The draft is gone once saved.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{draft}/check-answers")).StatusCode);
    }

    [Fact]
    public async Task Check_answers_sends_an_unfinished_journey_back_to_the_first_required_step()
    {
        using var client = factory.CreateClient();
        await client.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var start = await client.PostAsync("/manage/assets/new");
        var draft = start.Path[..^"/name".Length];
        await client.PostAsync($"{draft}/name", ("Input.Name", "Half done"), ("Input.Kind", "Cultural"));

        var page = await client.GetPageAsync($"{draft}/check-answers");

        Assert.Equal($"{draft}/organisation", page.Path);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_people_without_an_editor_role_are_refused()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/manage/assets", "/manage/assets/new", $"/manage/assets/{Guid.NewGuid()}/history" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        using var person = factory.CreateClient();
        await person.SignInAsync(await factory.CreateUserAsync(KithRoles.Person, withTwoFactor: false));
        var refused = await person.GetPageAsync("/manage/assets/new");
        Assert.True(refused.Path == "/account/access-denied", $"Expected access denied but got {(int)refused.Response.StatusCode} at {refused.PathAndQuery}");

        using var practitioner = factory.CreateClient();
        await practitioner.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var allowed = await practitioner.GetPageAsync("/manage/assets/new");
        Assert.Equal((HttpStatusCode.OK, "/manage/assets/new"), (allowed.Response.StatusCode, allowed.Path));
    }

    [Fact]
    public async Task A_draft_belongs_to_the_editor_who_started_it()
    {
        using var owner = factory.CreateClient();
        await owner.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));
        var start = await owner.PostAsync("/manage/assets/new");

        using var other = factory.CreateClient();
        await other.SignInAsync(await factory.CreateUserAsync(KithRoles.Practitioner));

        Assert.Equal(HttpStatusCode.OK, start.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(start.Path)).StatusCode);
    }
}
