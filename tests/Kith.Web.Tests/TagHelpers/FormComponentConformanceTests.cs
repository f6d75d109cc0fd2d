using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Kith.Web.Tests.TagHelpers.TagHelperHarness;

namespace Kith.Web.Tests.TagHelpers;

/// <summary>
/// Our form tag helpers render what nhsuk-frontend 10.6.1's own fixtures render for the same options.
/// Our ids and names come from <c>asp-for</c>, so where a fixture's id and name differ we bind to the
/// fixture's id and rewrite the fixture's name to match (the only normalisation made).
/// </summary>
public class FormComponentConformanceTests
{
    private static ModelStateDictionary ErrorOn(string key, string message)
    {
        var state = new ModelStateDictionary();
        state.AddModelError(key, message);
        return state;
    }

    private static string Renamed(string html, string fieldName) => html.Replace("name=\"example\"", $"name=\"{fieldName}\"", StringComparison.Ordinal);

    [Fact]
    public async Task Input_with_autocomplete_and_width_matches_the_postcode_fixture()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("address-postcode", null), Label = "Postcode",
            Autocomplete = "postal-code", InputClass = "nhsuk-input--width-10",
        };

        AssertSameHtml(Fixtures.Html("input", "example address postcode"), await RenderAsync(helper, "nhs-input"));
    }

    [Fact]
    public async Task Input_as_page_heading_with_hint_matches_the_fixture()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("with-autocomplete-attribute", null), Label = "Enter a full postcode in England",
            Hint = "For example, LS1 1AB", Autocomplete = "postal-code", IsPageHeading = true,
        };

        AssertSameHtml(Renamed(Fixtures.Html("input", "with autocomplete attribute"), "with-autocomplete-attribute"), await RenderAsync(helper, "nhs-input"));
    }

    [Fact]
    public async Task Input_with_an_error_in_model_state_matches_the_error_fixture()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("with-error-message", "Enter NHS number")), For = For<string>("with-error-message", null),
            Label = "What is your NHS number?", InputClass = "nhsuk-input--code nhsuk-input--width-10", Inputmode = "numeric", Spellcheck = false,
        };

        AssertSameHtml(Renamed(Fixtures.Html("input", "with error message, without heading"), "with-error-message"), await RenderAsync(helper, "nhs-input"));
    }

    [Fact]
    public async Task Input_with_type_tel_matches_the_phone_fixture()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("contact-by-phone", null), Label = "Phone number", Type = "tel",
            InputClass = "nhsuk-u-width-two-thirds",
        };

        AssertSameHtml(Fixtures.Html("input", "example phone number"), await RenderAsync(helper, "nhs-input"));
    }

    [Fact]
    public async Task Textarea_matches_the_default_and_error_fixtures()
    {
        var plain = new NhsTextareaTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("example", null), Label = "Can you provide more detail?",
            LabelClass = "nhsuk-label--l", IsPageHeading = true,
            Hint = "Do not include personal information like your name, date of birth or NHS number",
        };
        AssertSameHtml(Fixtures.Html("textarea", "default"), await RenderAsync(plain, "nhs-textarea"));

        var withError = new NhsTextareaTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("with-hint-error", "You must provide an explanation")), For = For<string>("with-hint-error", null),
            Label = "Can you provide more detail?", Hint = "Do not include personal information like your name, date of birth or NHS number",
        };
        AssertSameHtml(Renamed(Fixtures.Html("textarea", "with error message and hint, without heading"), "with-hint-error"), await RenderAsync(withError, "nhs-textarea"));
    }

    private static Node[] ContactItems() =>
    [
        Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "email", Label = "Email" }),
        Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "phone", Label = "Phone" }),
        Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "text", Label = "Text message" }),
    ];

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public async Task Radios_with_hint_and_error_match_the_fixtures(int occurrence, bool small)
    {
        var radios = new NhsRadiosTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("with-hint-error", "Select how you want to be contacted")), For = For<string>("with-hint-error", null),
            Legend = "How do you want to be contacted about this?", Hint = "Select 1 option", Small = small,
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("radios", "with error message and hint, without heading", occurrence), "with-hint-error"),
            await RenderAsync(radios, "nhs-radios", ContactItems()));
    }

    [Fact]
    public async Task Inline_radios_as_page_heading_match_the_fixture()
    {
        var radios = new NhsRadiosTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("inline", null), Legend = "Are you 18 or over?",
            LegendClass = "nhsuk-fieldset__legend--l", IsPageHeading = true, Inline = true,
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("radios", "inline"), "inline"),
            await RenderAsync(radios, "nhs-radios",
                Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "yes", Label = "Yes" }),
                Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "no", Label = "No" })));
    }

    [Fact]
    public async Task Radios_with_item_hints_match_the_fixture()
    {
        var radios = new NhsRadiosTagHelper
        {
            ViewContext = NewViewContext(), For = For<string>("with-hint-item", null), Legend = "Do you have a mobile phone with signal?",
            LegendClass = "nhsuk-fieldset__legend--l", IsPageHeading = true,
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("radios", "with hints on items"), "with-hint-item"),
            await RenderAsync(radios, "nhs-radios",
                Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "mobile", Label = "Yes, I have a mobile phone with signal", Hint = "We will text you a 6 digit security code" }),
                Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "landline", Label = "No, I want to use my landline", Hint = "We will call you to give you a 6 digit security code" })));
    }

    [Fact]
    public async Task Checkboxes_with_hint_and_item_hint_match_the_fixture()
    {
        var checkboxes = new NhsCheckboxesTagHelper
        {
            ViewContext = NewViewContext(), For = For<List<string>>("with-hint-item", []), Legend = "What medical conditions do you have?",
            LegendClass = "nhsuk-fieldset__legend--l", IsPageHeading = true, Hint = "Select 1 or more",
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("checkboxes", "with hints on items"), "with-hint-item"),
            await RenderAsync(checkboxes, "nhs-checkboxes",
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "alzheimers", Label = "Alzheimer's disease or dementia" }),
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "asthma", Label = "Asthma" }),
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "cancer", Label = "Cancer" }),
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "diabetes", Label = "Diabetes", Hint = "including type 1, type 2, and gestational diabetes" })));
    }

    [Fact]
    public async Task Checkboxes_with_an_error_match_the_fixture()
    {
        var checkboxes = new NhsCheckboxesTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("with-error-message", "Select how you want to be contacted")),
            For = For<List<string>>("with-error-message", []), Legend = "How do you want to be contacted about this?",
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("checkboxes", "with error message, without heading"), "with-error-message"),
            await RenderAsync(checkboxes, "nhs-checkboxes",
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "email", Label = "Email" }),
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "phone", Label = "Phone" }),
                Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "text message", Label = "Text message" })));
    }

    private static Node Option(string value, string text) =>
        Node.Element("option", new Dictionary<string, string> { ["value"] = value }, new NhsSelectOptionTagHelper { Value = value }, Node.Raw(text));

    [Fact]
    public async Task Select_with_a_value_marks_that_option_selected_as_the_fixture_does()
    {
        var select = new NhsSelectTagHelper
        {
            ViewContext = NewViewContext(), For = For("with-value", "updated"), Label = "Sort by", LabelClass = "nhsuk-label--l", IsPageHeading = true,
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("select", "with selected value"), "with-value"),
            await RenderAsync(select, "nhs-select",
                Option("published", "Recently published"), Option("updated", "Recently updated"), Option("views", "Most views"), Option("comments", "Most comments")));
    }

    [Fact]
    public async Task Select_with_hint_and_error_matches_the_fixture()
    {
        var select = new NhsSelectTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("with-hint-error", "Select a location")), For = For<string>("with-hint-error", null),
            Label = "Choose location", LabelClass = "nhsuk-label--l", IsPageHeading = true, Hint = "This can be different to where you went before",
        };

        AssertSameHtml(
            Renamed(Fixtures.Html("select", "with error message and hint"), "with-hint-error"),
            await RenderAsync(select, "nhs-select",
                Option("choose", "Choose location"), Option("eastmidlands", "East Midlands"), Option("eastofengland", "East of England"),
                Option("london", "London"), Option("northeast", "North East"), Option("northwest", "North West"), Option("southeast", "South East"),
                Option("southwest", "South West"), Option("westmidlands", "West Midlands"), Option("yorkshire", "Yorkshire and the Humber")));
    }

    /// <summary>
    /// Intentional difference: the day box's id is the field id (the error summary links to it) and the
    /// parts are named and identified as ASP.NET Core binds them; upstream uses <c>example-day</c> and <c>day</c>.
    /// </summary>
    private static string AsBound(string html) => html
        .Replace("id=\"example\"", "id=\"example-date-input\"", StringComparison.Ordinal)
        .Replace("\"example-day\"", "\"example\"", StringComparison.Ordinal)
        .Replace("\"example-month\"", "\"example_Month\"", StringComparison.Ordinal)
        .Replace("\"example-year\"", "\"example_Year\"", StringComparison.Ordinal)
        .Replace("name=\"day\"", "name=\"example.Day\"", StringComparison.Ordinal)
        .Replace("name=\"month\"", "name=\"example.Month\"", StringComparison.Ordinal)
        .Replace("name=\"year\"", "name=\"example.Year\"", StringComparison.Ordinal);

    [Fact]
    public async Task Date_input_with_values_matches_the_fixture()
    {
        var date = new NhsDateInputTagHelper
        {
            ViewContext = NewViewContext(), For = For("example", new DateInput { Day = "5", Month = "8", Year = "2024" }),
            Legend = "What is your date of birth?", LegendClass = "nhsuk-fieldset__legend--l", IsPageHeading = true, Hint = "For example, 31 3 1980",
        };

        AssertSameHtml(AsBound(Fixtures.Html("date-input", "with values")), await RenderAsync(date, "nhs-date-input"));
    }

    [Fact]
    public async Task Date_input_with_an_error_marks_every_part_as_the_fixture_does()
    {
        var date = new NhsDateInputTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("example", "Enter your date of birth")), For = For<DateInput>("example", new DateInput()),
            Legend = "What is your date of birth?", LegendClass = "nhsuk-fieldset__legend--l", IsPageHeading = true, Hint = "For example, 31 3 1980",
        };

        AssertSameHtml(AsBound(Fixtures.Html("date-input", "with error message and hint")), await RenderAsync(date, "nhs-date-input"));
    }

    [Fact]
    public async Task Error_summary_matches_the_fixtures_with_and_without_links()
    {
        var state = ErrorOn("example-last-name", "Enter your last name");
        state.AddModelError("example-first-name", "Enter your first name");
        var viewContext = NewViewContext(state);
        foreach (var field in new[] { "example-first-name", "example-last-name" })
        {
            await RenderAsync(new NhsInputTagHelper { ViewContext = viewContext, For = For<string>(field, null), Label = field }, "nhs-input");
        }

        var linked = new NhsErrorSummaryTagHelper { ViewContext = viewContext };
        AssertSameHtml(Fixtures.Html("error-summary", "with multiple errors"), await RenderAsync(linked, "nhs-error-summary"));

        var unlinked = new NhsErrorSummaryTagHelper { ViewContext = NewViewContext(ErrorOn(string.Empty, "Invalid username or password")) };
        AssertSameHtml(Fixtures.Html("error-summary", "without error link"), await RenderAsync(unlinked, "nhs-error-summary"));
    }

    [Theory]
    [InlineData("default", null, null, null)]
    [InlineData("warning", "warning", null, null)]
    [InlineData("login", "login", null, null)]
    [InlineData("secondary as a link", "secondary", "#", null)]
    [InlineData("as a link", null, "#", null)]
    [InlineData("with double click prevented", null, null, true)]
    public async Task Button_matches_the_fixture(string fixture, string? variant, string? href, bool? preventDoubleClick)
    {
        var text = fixture switch
        {
            "warning" => "Yes, delete this vaccine",
            "login" => "Continue",
            "secondary as a link" => "Find my location",
            "as a link" => "Link button",
            _ => "Save and continue",
        };
        var button = new NhsButtonTagHelper { Variant = variant, Href = href, PreventDoubleClick = preventDoubleClick };

        AssertSameHtml(Fixtures.Html("button", fixture), await RenderAsync(button, "nhs-button", Node.Raw(text)));
    }
}
