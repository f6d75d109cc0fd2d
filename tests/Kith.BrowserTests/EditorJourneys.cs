using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kith.BrowserTests;

/// <summary>
/// A practitioner adds an asset and finds it at once, and two editors changing one asset (the demo community
/// editor, on one of their organisation's listings, and a practitioner) meet the conflict page.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class EditorJourneys(BrowserFixture fixture)
{
    private const string EditorEmail = "editor@demo.kith.invalid";
    private const string PractitionerEmail = "practitioner@demo.kith.invalid";

    [Fact]
    public async Task An_editor_adds_an_asset_through_the_journey_and_finds_it_in_search_straight_away()
    {
        // Community editors add listings only to their own organisations (ADR 15); this one names a new organisation.
        var page = await fixture.NewPageAsync();
        await page.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);
        var name = $"Canal towpath strollers {Guid.NewGuid().ToString("N")[..6]}";

        await page.GotoAsync("/manage/assets/new");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        await ExpectStepAsync(page, "Name and type");
        await page.GetByLabel("What is it called?").FillAsync(name);
        await page.GetByLabel("Group or club").CheckAsync();
        await ContinueAsync(page);

        await ExpectStepAsync(page, "Who runs it?");
        await page.GetByLabel("Or, the name of an organisation not listed yet").FillAsync("Canal Friends of Ashworth Vale");
        await ContinueAsync(page);

        await ExpectStepAsync(page, "What happens there");
        await page.GetByLabel("Describe it").FillAsync("A gentle walk along the canal towpath, then tea at the lock keeper's cottage.");
        await page.GetByLabel("How can someone get involved? (optional)").FillAsync("Just turn up at the lock gates. Wear comfortable shoes.");
        await page.GetByLabel("No, people come along or get in touch themselves").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is it running at the moment?" }).GetByRole(AriaRole.Radio).First.CheckAsync();
        await ContinueAsync(page);

        await ExpectStepAsync(page, "Where it happens");
        await page.GetByLabel("In person", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Name of the place (optional)").FillAsync("Millbrook Lock");
        await page.GetByLabel("Address line 1").FillAsync("Towpath, Mill Lane");
        await page.GetByLabel("Town or city").FillAsync("Ashworth Vale");
        await page.GetByLabel("Postcode", new() { Exact = false }).FillAsync("AV1 2AB");
        await ContinueAsync(page);

        await ExpectStepAsync(page, "When it happens");
        var firstTime = page.Locator("fieldset").Filter(new() { HasText = "How often?" }).First;
        await firstTime.GetByLabel("Every week").CheckAsync();
        await page.Locator("input[name='Input.Times[0].Days'][value='Thursday']").CheckAsync();
        await page.Locator("#Input_Times_0__Opens").FillAsync("10:30");
        await page.Locator("#Input_Times_0__Closes").FillAsync("12:00");
        await ContinueAsync(page);

        await ExpectStepAsync(page, "Cost");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is it free?" }).GetByLabel("Yes").CheckAsync();
        await ContinueAsync(page);

        await ExpectStepAsync(page, "Who it is for");
        await ContinueAsync(page);
        await ExpectStepAsync(page, "What it offers");
        await ContinueAsync(page);
        await ExpectStepAsync(page, "Accessibility");
        await page.GetByLabel("Step-free access", new() { Exact = false }).First.CheckAsync();
        await ContinueAsync(page);
        await ExpectStepAsync(page, "Contact details");
        await ContinueAsync(page);

        await ExpectStepAsync(page, "Check your answers");
        Assert.Contains(name, await page.Locator(".nhsuk-summary-list").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add asset" }).ClickAsync();

        await page.WaitForURLAsync("**/saved**");
        Assert.Contains("Asset added", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await page.GotoAsync($"/assets?q={Uri.EscapeDataString("towpath strollers")}&postcode=AV1+2AB");
        var hit = page.Locator(".kith-result", new() { HasText = name });
        Assert.Equal(1, await hit.CountAsync());
        Assert.Matches(ResidentSearchJourney.DistanceAway(), await hit.InnerTextAsync());
        await page.AssertNoSeriousAccessibilityViolationsAsync();

        await hit.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/assets/*");
        Assert.Matches(new Regex("Thursdays.*10:30 to 12:00"), await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Two_editors_changing_the_same_asset_meet_the_conflict_page_and_nothing_is_lost()
    {
        var first = await fixture.NewPageAsync();
        var other = await fixture.NewPageAsync();
        await SignInAsync(first, EditorEmail, BrowserFixture.DemoPassword);
        await other.SignInStaffAsync(PractitionerEmail, BrowserFixture.DemoPassword);

        // Both open the same asset from the list of assets and start changing it.
        await first.GotoAsync("/manage/assets");
        await first.AssertNoSeriousAccessibilityViolationsAsync();
        var assetLink = first.Locator("main a[href^='/manage/assets/']").Filter(new() { HasNotText = "Add" }).First;
        var assetUrl = await assetLink.GetAttributeAsync("href");
        Assert.NotNull(assetUrl);

        await StartEditingAsync(first, assetUrl);
        await StartEditingAsync(other, assetUrl);

        // The first editor renames it and saves.
        var newName = $"Renamed by the first editor {Guid.NewGuid().ToString("N")[..4]}";
        await ChangeAsync(first, "Name", async () => await first.GetByLabel("What is it called?").FillAsync(newName));
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await first.WaitForURLAsync("**/saved**");

        // The second, working from the older version, changes the description and saves.
        var newDescription = "Changed by the second editor, who had not seen the first editor's change.";
        await ChangeAsync(other, "Description", async () => await other.GetByLabel("Describe it").FillAsync(newDescription));
        await other.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await other.WaitForURLAsync("**/conflict**");
        Assert.Equal("Someone else changed this asset while you were editing", await other.Locator("h1").InnerTextAsync());
        var comparison = await other.Locator("main").InnerTextAsync();
        Assert.Contains(newName, comparison, StringComparison.Ordinal);
        Assert.Contains(newDescription, comparison, StringComparison.Ordinal);
        await other.AssertNoSeriousAccessibilityViolationsAsync();

        // Applying the second editor's change on top keeps the first editor's new name.
        await other.GetByRole(AriaRole.Button, new() { Name = "Apply my changes on top of theirs" }).ClickAsync();
        await other.WaitForURLAsync("**/saved**");
        await other.GotoAsync(assetUrl.Replace("/manage", string.Empty, StringComparison.Ordinal));
        var published = await other.Locator("main").InnerTextAsync();
        Assert.Contains(newName, published, StringComparison.Ordinal);
        Assert.Contains(newDescription, published, StringComparison.Ordinal);
    }

    private static async Task StartEditingAsync(IPage page, string assetUrl)
    {
        await page.GotoAsync(assetUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the details" }).ClickAsync();
        await ExpectStepAsync(page, "Check your answers");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    /// <summary>Follows the Change link of one row on check your answers, makes the change, and returns.</summary>
    private static async Task ChangeAsync(IPage page, string row, Func<Task> change)
    {
        var summaryRow = page.Locator(".nhsuk-summary-list__row").Filter(new() { Has = page.Locator($"dt:text-is('{row}')") });
        await summaryRow.GetByRole(AriaRole.Link, new() { Name = "Change" }).ClickAsync();
        await change();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to check answers" }).ClickAsync();
        await ExpectStepAsync(page, "Check your answers");
    }

    internal static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.AssertNoSeriousAccessibilityViolationsAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    private static async Task ExpectStepAsync(IPage page, string heading)
    {
        await page.Locator("h1", new() { HasText = heading }).WaitForAsync();
        await page.AssertNoSeriousAccessibilityViolationsAsync();
    }

    private static async Task ContinueAsync(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
}
