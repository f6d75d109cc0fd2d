using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static Kith.Web.Tests.TagHelpers.TagHelperHarness;

namespace Kith.Web.Tests.TagHelpers;

/// <summary>Error state, values and binding of the form tag helpers, beyond what the upstream fixtures show.</summary>
public class FormBehaviourTests
{
    public enum Cost
    {
        Free,
        PayWhatYouCan,
        Paid,
    }

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<body>{html}</body>").Body!.FirstElementChild!;

    private static ModelStateDictionary ErrorOn(string key, string message)
    {
        var state = new ModelStateDictionary();
        state.AddModelError(key, message);
        return state;
    }

    [Fact]
    public async Task An_input_with_an_error_shows_the_message_and_is_described_by_hint_and_error()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("Input.Postcode", "Enter a postcode")),
            For = For<string>("Input.Postcode", null), Label = "Postcode", Hint = "For example, LS1 4AP",
        };

        var group = Parse(await RenderAsync(helper, "nhs-input"));

        Assert.Contains("nhsuk-form-group--error", group.ClassList);
        var input = group.QuerySelector("input")!;
        Assert.Equal("Input_Postcode", input.Id);
        Assert.Equal("Input.Postcode", input.GetAttribute("name"));
        Assert.Contains("nhsuk-input--error", input.ClassList);
        Assert.Equal("Input_Postcode-hint Input_Postcode-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Error: Enter a postcode", group.QuerySelector("#Input_Postcode-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_field_without_an_error_has_no_error_markup()
    {
        var helper = new NhsInputTagHelper { ViewContext = NewViewContext(), For = For("Input.Name", "Ann"), Label = "Name" };

        var group = Parse(await RenderAsync(helper, "nhs-input"));

        Assert.DoesNotContain("nhsuk-form-group--error", group.ClassList);
        Assert.Null(group.QuerySelector(".nhsuk-error-message"));
        Assert.Null(group.QuerySelector("input")!.GetAttribute("aria-describedby"));
        Assert.Equal("Ann", group.QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task What_was_typed_is_shown_again_rather_than_the_model_value()
    {
        var state = new ModelStateDictionary();
        state.SetModelValue("Input.Radius", "two hundred and one", "two hundred and one");
        state.AddModelError("Input.Radius", "Radius must be a number");
        var helper = new NhsInputTagHelper { ViewContext = NewViewContext(state), For = For<int?>("Input.Radius", null), Label = "Radius", Type = "number" };

        var input = Parse(await RenderAsync(helper, "nhs-input")).QuerySelector("input")!;

        Assert.Equal("two hundred and one", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Text_is_encoded_everywhere()
    {
        var helper = new NhsInputTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("Input.Name", "<b>bad</b>")),
            For = For("Input.Name", "\"><script>alert(1)</script>"), Label = "<i>Name</i>", Hint = "<u>hint</u>",
        };

        var html = await RenderAsync(helper, "nhs-input");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal("\"><script>alert(1)</script>", Parse(html).QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_password_input_never_shows_its_value_again()
    {
        var helper = new NhsInputTagHelper { ViewContext = NewViewContext(), For = For("Input.Password", "secret"), Label = "Password", Type = "password" };

        Assert.Null(Parse(await RenderAsync(helper, "nhs-input")).QuerySelector("input")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Radios_bound_to_an_enum_check_the_current_member_and_put_the_error_on_the_fieldset()
    {
        var radios = new NhsRadiosTagHelper
        {
            ViewContext = NewViewContext(ErrorOn("Input.Cost", "Select what it costs")), For = For<Cost?>("Input.Cost", Cost.PayWhatYouCan),
            Legend = "What does it cost?",
        };

        var group = Parse(await RenderAsync(radios, "nhs-radios",
            Node.Of("nhs-radio", new NhsRadioTagHelper { Value = nameof(Cost.Free), Label = "Free" }),
            Node.Of("nhs-radio", new NhsRadioTagHelper { Value = nameof(Cost.PayWhatYouCan), Label = "Pay what you can" }),
            Node.Of("nhs-radio", new NhsRadioTagHelper { Value = nameof(Cost.Paid), Label = "Paid" })));

        var inputs = group.QuerySelectorAll("input").ToList();
        Assert.Equal(["Input_Cost", "Input_Cost-2", "Input_Cost-3"], inputs.Select(i => i.Id));
        Assert.All(inputs, i => Assert.Equal("Input.Cost", i.GetAttribute("name")));
        Assert.Equal([false, true, false], inputs.Select(i => i.HasAttribute("checked")));
        Assert.Equal("Input_Cost-error", group.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Contains("nhsuk-form-group--error", group.ClassList);
    }

    [Fact]
    public async Task Radios_bound_to_a_boolean_check_yes_or_no()
    {
        var radios = new NhsRadiosTagHelper { ViewContext = NewViewContext(), For = For<bool?>("Input.Accessible", false), Legend = "Step-free access?" };

        var inputs = Parse(await RenderAsync(radios, "nhs-radios",
            Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "true", Label = "Yes" }),
            Node.Of("nhs-radio", new NhsRadioTagHelper { Value = "false", Label = "No" }))).QuerySelectorAll("input").ToList();

        Assert.Equal([false, true], inputs.Select(i => i.HasAttribute("checked")));
    }

    [Fact]
    public async Task Checkboxes_bound_to_a_list_of_enums_check_every_member_in_it()
    {
        var checkboxes = new NhsCheckboxesTagHelper
        {
            ViewContext = NewViewContext(), For = For<List<Cost>>("Input.Costs", [Cost.Free, Cost.Paid]), Legend = "Cost",
        };

        var inputs = Parse(await RenderAsync(checkboxes, "nhs-checkboxes",
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = nameof(Cost.Free), Label = "Free" }),
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = nameof(Cost.PayWhatYouCan), Label = "Pay what you can" }),
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = nameof(Cost.Paid), Label = "Paid" }))).QuerySelectorAll("input").ToList();

        Assert.Equal([true, false, true], inputs.Select(i => i.HasAttribute("checked")));
        Assert.All(inputs, i => Assert.Equal("Input.Costs", i.GetAttribute("name")));
    }

    [Fact]
    public async Task Checkboxes_shown_again_after_a_post_check_what_was_posted()
    {
        var state = new ModelStateDictionary();
        state.SetModelValue("Input.Days", new[] { "Monday", "Friday" }, "Monday,Friday");
        var checkboxes = new NhsCheckboxesTagHelper { ViewContext = NewViewContext(state), For = For<List<string>>("Input.Days", []), Legend = "Days" };

        var inputs = Parse(await RenderAsync(checkboxes, "nhs-checkboxes",
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "Monday", Label = "Monday" }),
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "Tuesday", Label = "Tuesday" }),
            Node.Of("nhs-checkbox", new NhsCheckboxTagHelper { Value = "Friday", Label = "Friday" }))).QuerySelectorAll("input").ToList();

        Assert.Equal([true, false, true], inputs.Select(i => i.HasAttribute("checked")));
    }

    [Fact]
    public async Task A_date_input_keeps_what_was_typed_and_marks_only_the_part_in_error()
    {
        var state = new ModelStateDictionary();
        state.SetModelValue("Input.Start.Month", "13", "13");
        state.AddModelError("Input.Start.Month", "Month must be between 1 and 12");
        var date = new NhsDateInputTagHelper
        {
            ViewContext = NewViewContext(state), For = For("Input.Start", new DateInput { Day = "3", Month = "13", Year = "2026" }), Legend = "Start date",
        };

        var group = Parse(await RenderAsync(date, "nhs-date-input"));

        var inputs = group.QuerySelectorAll("input").ToList();
        Assert.Equal(["Input_Start", "Input_Start_Month", "Input_Start_Year"], inputs.Select(i => i.Id));
        Assert.Equal(["Input.Start.Day", "Input.Start.Month", "Input.Start.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["3", "13", "2026"], inputs.Select(i => i.GetAttribute("value")));
        Assert.Equal([false, true, false], inputs.Select(i => i.ClassList.Contains("nhsuk-input--error")));
        Assert.Equal("Error: Month must be between 1 and 12", group.QuerySelector(".nhsuk-error-message")!.TextContent.Trim());
        Assert.Equal("Input_Start-error", group.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task The_error_summary_renders_nothing_when_the_form_is_valid()
    {
        Assert.Equal(string.Empty, await RenderAsync(new NhsErrorSummaryTagHelper { ViewContext = NewViewContext() }, "nhs-error-summary"));
    }

    [Fact]
    public async Task The_error_summary_links_a_date_part_error_to_the_day_box()
    {
        var summary = Parse(await RenderAsync(new NhsErrorSummaryTagHelper { ViewContext = NewViewContext(ErrorOn("Input.Start.Day", "Enter a day")) }, "nhs-error-summary"));

        Assert.Equal("#Input_Start", summary.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("3", "12", "2026", true, 2026, 12, 3)]
    [InlineData(" 03 ", "02", "2024", true, 2024, 2, 3)]
    [InlineData("29", "2", "2024", true, 2024, 2, 29)]
    [InlineData("29", "2", "2025", false, 0, 0, 0)]
    [InlineData("31", "4", "2026", false, 0, 0, 0)]
    [InlineData("1", "13", "2026", false, 0, 0, 0)]
    [InlineData("1", "1", "26", false, 0, 0, 0)]
    [InlineData("", "1", "2026", false, 0, 0, 0)]
    [InlineData("one", "1", "2026", false, 0, 0, 0)]
    [InlineData("-1", "1", "2026", false, 0, 0, 0)]
    public void DateInput_reads_only_real_dates(string day, string month, string year, bool valid, int y, int m, int d)
    {
        var input = new DateInput { Day = day, Month = month, Year = year };

        Assert.Equal(valid, input.TryGetDate(out var date));
        if (valid)
        {
            Assert.Equal(new DateOnly(y, m, d), date);
        }
    }

    [Fact]
    public void DateInput_round_trips_a_date()
    {
        Assert.True(DateInput.FromDate(new DateOnly(2026, 11, 23)).TryGetDate(out var date));
        Assert.Equal(new DateOnly(2026, 11, 23), date);
        Assert.True(new DateInput().IsEmpty);
    }
}
