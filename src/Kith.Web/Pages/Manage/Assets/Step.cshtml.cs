using System.Globalization;
using System.Net.Mail;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Journeys;
using Kith.Core.Platform.Postcodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.Manage.Assets;

/// <summary>
/// One page of the add or edit journey. Every step posts the same <see cref="StepInput"/>; each
/// validates and keeps only its own fields, so one page model serves the whole journey.
/// </summary>
public sealed class StepModel(JourneyDraftService drafts, KithDbContext db, PostcodeService postcodes) : AssetDraftPageModel(drafts)
{
    public const int TimeSlots = 3;

    [FromRoute(Name = "step")]
    public string Slug { get; set; } = string.Empty;

    /// <summary>"check" when the editor came from check answers and should go back there.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [BindProperty]
    public StepInput Input { get; set; } = new();

    public AssetSteps.Step Current { get; private set; } = AssetSteps.All[0];

    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];

    /// <summary>False for a community editor: they choose among their own organisations and cannot name a new one.</summary>
    public bool MayAddOrganization => Scope.IsEverything;

    public IReadOnlyList<(Guid Id, string Name)> Terms { get; private set; } = [];

    public bool FromCheck => string.Equals(From, "check", StringComparison.Ordinal);

    public string BackUrl => FromCheck || AssetSteps.Before(Current) is not { } before
        ? (FromCheck || State.IsEdit ? CheckAnswersUrl : "/manage/assets/new")
        : StepUrl(before.Slug);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AssetSteps.Find(Slug) is not { } step || !await LoadDraftAsync(cancellationToken))
        {
            return NotFound();
        }

        Current = step;
        Input = StepInput.From(State.Details);
        if (!State.IsEdit && !State.Answered.Contains(step.Slug, StringComparer.Ordinal))
        {
            // A new asset's radios start unanswered rather than pre-selecting a default for the editor.
            Input.Kind = null;
            Input.IntroductionPolicy = null;
            Input.Free = null;
        }

        PadTimes();
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AssetSteps.Find(Slug) is not { } step || !await LoadDraftAsync(cancellationToken))
        {
            return NotFound();
        }

        Current = step;
        ModelState.Clear();
        await LoadChoicesAsync(cancellationToken);
        var details = await ValidateAsync(State.Details, cancellationToken);
        if (!ModelState.IsValid || details is null)
        {
            PadTimes();
            return Invalid();
        }

        State = State with
        {
            Details = details,
            Answered = State.Answered.Contains(step.Slug, StringComparer.Ordinal) ? State.Answered : [.. State.Answered, step.Slug],
        };
        await SaveDraftAsync(cancellationToken);
        if (FromCheck || State.IsEdit)
        {
            return Redirect(CheckAnswersUrl);
        }

        var next = AssetSteps.After(step);
        return Redirect(next is null ? CheckAnswersUrl : StepUrl(next.Slug));
    }

    private void PadTimes()
    {
        while (Input.Times.Count < TimeSlots)
        {
            Input.Times.Add(new TimeInput());
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        switch (Current.Slug)
        {
            case "organisation":
                var organizations = db.Organizations.AsNoTracking();
                if (Scope.OrganizationIds is { } ours)
                {
                    organizations = organizations.Where(o => ours.Contains(o.Id));
                }

                Organizations = (await organizations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
                    .Select(o => (o.Id, o.Name)).ToList();
                break;
            case "who" or "what":
                var taxonomy = Current.Slug == "who" ? KithTaxonomies.Who : KithTaxonomies.What;
                Terms = (await db.TaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == taxonomy).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
                    .Select(t => (t.Id, t.Name)).ToList();
                break;
        }
    }

    /// <summary>Checks this step's answers; adds errors to ModelState and returns the updated details when they are all right.</summary>
    private async Task<AssetDetails?> ValidateAsync(AssetDetails d, CancellationToken cancellationToken)
    {
        var i = Input;
        switch (Current.Slug)
        {
            case "name":
                var name = Clean(i.Name);
                Require(name, "Name", "Enter the name of the asset");
                MaxLength(name, 300, "Name", "Name must be 300 characters or fewer");
                var kind = ParseEnum<AssetKind>(i.Kind, "Kind", "Select what kind of asset it is");
                return ModelState.IsValid ? d with { Name = name!, Kind = kind!.Value } : null;

            case "organisation":
                var newName = Clean(i.NewOrganizationName);
                Guid? chosen = Guid.TryParse(i.OrganizationId, out var id) ? id : null;
                if (!MayAddOrganization && (chosen is null || newName is not null))
                {
                    Error("OrganizationId", "Select your organisation from the list");
                }
                else if (chosen is null && newName is null)
                {
                    Error("OrganizationId", "Select the organisation that runs it, or enter the name of a new one");
                }
                else if (chosen is not null && newName is not null)
                {
                    Error("NewOrganizationName", "Select an organisation or enter a new one, not both");
                }
                else if (chosen is not null && !Organizations.Any(o => o.Id == chosen))
                {
                    Error("OrganizationId", "Select an organisation from the list");
                }
                else if (newName is not null && Organizations.FirstOrDefault(o => string.Equals(o.Name, newName, StringComparison.OrdinalIgnoreCase)) is { Name: { } existing })
                {
                    Error("NewOrganizationName", $"{existing} is already listed: select it from the list instead");
                }

                MaxLength(newName, 300, "NewOrganizationName", "Organisation name must be 300 characters or fewer");
                return ModelState.IsValid ? d with { OrganizationId = chosen, NewOrganizationName = newName } : null;

            case "description":
                var description = Clean(i.Description);
                Require(description, "Description", "Enter a description");
                MaxLength(description, 4000, "Description", "Description must be 4,000 characters or fewer");
                var involved = Clean(i.HowToGetInvolved);
                MaxLength(involved, 2000, "HowToGetInvolved", "How to get involved must be 2,000 characters or fewer");
                var policy = ParseEnum<IntroductionPolicy>(i.IntroductionPolicy, "IntroductionPolicy", "Select whether it welcomes introductions");
                var status = ParseEnum<AssetStatus>(i.Status, "Status", "Select whether it is running at the moment");
                return ModelState.IsValid
                    ? d with { Description = description, HowToGetInvolved = involved, IntroductionPolicy = policy!.Value, Status = status!.Value }
                    : null;

            case "where":
                return await ValidateWhereAsync(d, cancellationToken);

            case "when":
                return ValidateWhen(d);

            case "cost":
                decimal? amount = null;
                if (i.Free is not ("yes" or "no"))
                {
                    Error("Free", "Select whether it is free");
                }
                else if (i.Free == "no")
                {
                    var text = Clean(i.Amount)?.TrimStart('£');
                    if (text is null)
                    {
                        Error("Amount", "Enter how much it costs");
                    }
                    else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) || pounds <= 0m || pounds > 10000m || decimal.Round(pounds, 2) != pounds)
                    {
                        Error("Amount", "Enter the cost in pounds and pence, like 3.50");
                    }
                    else
                    {
                        amount = pounds;
                    }
                }

                var costDescription = Clean(i.CostDescription);
                MaxLength(costDescription, 500, "CostDescription", "Cost details must be 500 characters or fewer");
                return ModelState.IsValid ? d with { CostAmount = amount, CostDescription = costDescription } : null;

            case "who":
                var minimum = ParseAge(i.MinimumAge, "MinimumAge", "Youngest age");
                var maximum = ParseAge(i.MaximumAge, "MaximumAge", "Oldest age");
                if (minimum is not null && maximum is not null && minimum > maximum)
                {
                    Error("MaximumAge", "Oldest age must be the same as or higher than youngest age");
                }

                var who = ParseTerms(i.Who, "Who");
                var languages = (i.Languages ?? string.Empty).Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                if (languages.Any(l => l.Length > 100))
                {
                    Error("Languages", "Each language must be 100 characters or fewer");
                }

                return ModelState.IsValid ? d with { MinimumAge = minimum, MaximumAge = maximum, WhoTermIds = who, Languages = languages } : null;

            case "what":
                var what = ParseTerms(i.What, "What");
                return ModelState.IsValid ? d with { WhatTermIds = what } : null;

            case "accessibility":
                var features = new List<AccessibilityFeature>();
                foreach (var value in i.Accessibility)
                {
                    if (Enum.TryParse<AccessibilityFeature>(value, out var feature) && Enum.IsDefined(feature))
                    {
                        features.Add(feature);
                    }
                    else
                    {
                        Error("Accessibility", "Select accessibility features from the list");
                    }
                }

                return ModelState.IsValid ? d with { Accessibility = features } : null;

            case "contact":
                var email = Clean(i.Email);
                if (email is not null && email.Length > MaxEmailLength)
                {
                    Error("Email", "Email address must be 254 characters or fewer");
                }
                else if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
                {
                    Error("Email", "Enter an email address in the correct format, like name@example.org");
                }

                var phone = Clean(i.Phone);
                if (phone is not null && (phone.Count(char.IsAsciiDigit) is < 10 or > 15 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-'))))
                {
                    Error("Phone", "Enter a phone number, like 01632 960 001 or +44 1632 960 001");
                }

                var website = Clean(i.Website);
                if (website is not null && website.Length > MaxLinkLength)
                {
                    Error("Website", "Website address must be 2,000 characters or fewer");
                }
                else if (website is not null && !IsWebLink(website))
                {
                    Error("Website", "Enter a website address that starts with https://");
                }

                return ModelState.IsValid ? d with { Email = email, Phone = phone, Website = website } : null;

            default:
                return null;
        }
    }

    private async Task<AssetDetails?> ValidateWhereAsync(AssetDetails d, CancellationToken cancellationToken)
    {
        var i = Input;
        var inPerson = i.Attendance.Contains("InPerson", StringComparer.Ordinal);
        var online = i.Attendance.Contains("Online", StringComparer.Ordinal);
        if (!inPerson && !online)
        {
            Error("Attendance", "Select in person, online or both");
        }

        AssetPlace? place = null;
        if (inPerson)
        {
            var line1 = Clean(i.AddressLine1);
            var town = Clean(i.Town);
            var postcode = Clean(i.Postcode);
            MaxLength(Clean(i.PlaceName), 200, "PlaceName", "Name of the place must be 200 characters or fewer");
            Require(line1, "AddressLine1", "Enter the first line of the address");
            MaxLength(line1, 200, "AddressLine1", "Address line 1 must be 200 characters or fewer");
            Require(town, "Town", "Enter the town or city");
            MaxLength(town, 100, "Town", "Town or city must be 100 characters or fewer");
            if (postcode is null)
            {
                Error("Postcode", "Enter a postcode");
            }
            else
            {
                var found = await postcodes.LookupAsync(postcode, cancellationToken);
                if (found.Match == PostcodeMatch.Malformed || !PostcodeText.TryParse(postcode, out var parsed))
                {
                    Error("Postcode", "Enter a full UK postcode, like AV1 2AB");
                }
                else if (parsed.Inward is null)
                {
                    Error("Postcode", "Enter the full postcode, not just the first part, like AV1 2AB");
                }
                else if (found.Match == PostcodeMatch.NotFound)
                {
                    Error("Postcode", "We could not find that postcode. Check it and enter it again");
                }
                else
                {
                    postcode = found.Match == PostcodeMatch.Exact ? found.Display : parsed.Display;
                }
            }

            if (line1 is not null && town is not null && postcode is not null)
            {
                place = new AssetPlace(Clean(i.PlaceName), line1, town, postcode);
            }
        }

        var link = online ? Clean(i.OnlineLink) : null;
        if (link is not null && link.Length > MaxLinkLength)
        {
            Error("OnlineLink", "Link must be 2,000 characters or fewer");
        }
        else if (link is not null && !IsWebLink(link))
        {
            Error("OnlineLink", "Enter a link that starts with https://");
        }

        return ModelState.IsValid ? d with { InPerson = inPerson, Online = online, Place = place, OnlineLink = link } : null;
    }

    private AssetDetails? ValidateWhen(AssetDetails d)
    {
        var rules = new List<ScheduleRule>();
        for (var n = 0; n < Input.Times.Count && n < TimeSlots; n++)
        {
            var t = Input.Times[n];
            var key = $"Times[{n}]";
            // One time reads "Enter the start time"; several name theirs: "Enter the start time for time 2".
            var several = Input.Times.Count(x => !x.IsBlank) > 1 || n > 0;
            var subject = several ? $"time {n + 1}" : "it";
            var forLabel = several ? $" for time {n + 1}" : string.Empty;
            if (t.IsBlank)
            {
                continue;
            }

            var frequency = ParseEnum<ScheduleFrequency>(t.Frequency, $"{key}.Frequency", $"Select how often {subject} happens");
            var days = new List<DayOfWeek>();
            foreach (var value in t.Days)
            {
                if (Enum.TryParse<DayOfWeek>(value, out var day) && Enum.IsDefined(day))
                {
                    days.Add(day);
                }
            }

            if (days.Count == 0)
            {
                Error($"{key}.Days", $"Select at least one day{forLabel}");
            }

            int? week = null;
            if (frequency == ScheduleFrequency.Monthly)
            {
                if (int.TryParse(t.WeekOfMonth, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w) && w is >= -1 and <= 4 and not 0)
                {
                    week = w;
                }
                else
                {
                    Error($"{key}.WeekOfMonth", $"Select which week of the month {subject} happens");
                }
            }

            var opens = ParseTime(t.Opens, $"{key}.Opens", $"Enter the start time{forLabel}");
            var closes = ParseTime(t.Closes, $"{key}.Closes", $"Enter the finish time{forLabel}");
            if (opens is not null && closes is not null && closes <= opens)
            {
                Error($"{key}.Closes", $"The finish time{forLabel} must be after the start time");
            }

            if (frequency is not null && days.Count > 0 && opens is not null && closes is not null && closes > opens)
            {
                rules.Add(new ScheduleRule(frequency.Value, days, opens.Value, closes.Value, week));
            }
        }

        return ModelState.IsValid ? d with { Schedules = rules } : null;
    }

    private TimeOnly? ParseTime(string? text, string key, string missing)
    {
        var value = Clean(text)?.Replace('.', ':');
        if (value is null)
        {
            Error(key, missing);
            return null;
        }

        if (TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(key, "Enter a time in the 24-hour clock, like 09:30 or 14:00");
        return null;
    }

    private int? ParseAge(string? text, string key, string label)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 120)
        {
            return age;
        }

        Error(key, $"{label} must be a whole number between 0 and 120");
        return null;
    }

    private List<Guid> ParseTerms(List<string> values, string key)
    {
        var ids = new List<Guid>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id) && Terms.Any(t => t.Id == id))
            {
                ids.Add(id);
            }
            else
            {
                Error(key, "Select from the list");
            }
        }

        return ids;
    }

    private TEnum? ParseEnum<TEnum>(string? value, string key, string message)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Error(key, message);
        return null;
    }

    /// <summary>The longest email address there can be (RFC 5321 path limit less its brackets).</summary>
    private const int MaxEmailLength = 254;

    /// <summary>The longest web link accepted; longer ones are not links people type.</summary>
    private const int MaxLinkLength = 2000;

    private static bool IsWebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal);

    private void Require(string? value, string key, string message)
    {
        if (value is null)
        {
            Error(key, message);
        }
    }

    private void MaxLength(string? value, int length, string key, string message)
    {
        if (value is not null && value.Length > length)
        {
            Error(key, message);
        }
    }

    private void Error(string key, string message)
    {
        var full = $"{nameof(Input)}.{key}";
        if (ModelState[full] is not { Errors.Count: > 0 })
        {
            ModelState.AddModelError(full, message);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Everything any step of the journey can post, as typed, so a rejected answer is shown back unchanged.</summary>
public sealed class StepInput
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? OrganizationId { get; set; }

    public string? NewOrganizationName { get; set; }

    public string? Description { get; set; }

    public string? HowToGetInvolved { get; set; }

    public string? IntroductionPolicy { get; set; }

    public string? Status { get; set; }

    public List<string> Attendance { get; set; } = [];

    public string? PlaceName { get; set; }

    public string? AddressLine1 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    public string? OnlineLink { get; set; }

    public List<TimeInput> Times { get; set; } = [];

    public string? Free { get; set; }

    public string? Amount { get; set; }

    public string? CostDescription { get; set; }

    public string? MinimumAge { get; set; }

    public string? MaximumAge { get; set; }

    public List<string> Who { get; set; } = [];

    public string? Languages { get; set; }

    public List<string> What { get; set; } = [];

    public List<string> Accessibility { get; set; } = [];

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Website { get; set; }

    /// <summary>The saved answers, as the form shows them.</summary>
    public static StepInput From(AssetDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new StepInput
        {
            Name = d.Name,
            Kind = d.Kind.ToString(),
            OrganizationId = d.OrganizationId?.ToString(),
            NewOrganizationName = d.NewOrganizationName,
            Description = d.Description,
            HowToGetInvolved = d.HowToGetInvolved,
            IntroductionPolicy = d.IntroductionPolicy.ToString(),
            Status = d.Status.ToString(),
            Attendance = [.. d.InPerson ? ["InPerson"] : Array.Empty<string>(), .. d.Online ? ["Online"] : Array.Empty<string>()],
            PlaceName = d.Place?.Name,
            AddressLine1 = d.Place?.AddressLine1,
            Town = d.Place?.Town,
            Postcode = d.Place?.Postcode,
            OnlineLink = d.OnlineLink,
            Times = d.Schedules.Select(s => new TimeInput
            {
                Frequency = s.Frequency.ToString(),
                Days = s.Days.Select(day => day.ToString()).ToList(),
                WeekOfMonth = s.WeekOfMonth?.ToString(CultureInfo.InvariantCulture),
                Opens = s.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
                Closes = s.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
            }).ToList(),
            Free = d.IsFree ? "yes" : "no",
            Amount = d.CostAmount?.ToString("0.00", CultureInfo.InvariantCulture),
            CostDescription = d.CostDescription,
            MinimumAge = d.MinimumAge?.ToString(CultureInfo.InvariantCulture),
            MaximumAge = d.MaximumAge?.ToString(CultureInfo.InvariantCulture),
            Who = d.WhoTermIds.Select(id => id.ToString()).ToList(),
            Languages = string.Join(", ", d.Languages),
            What = d.WhatTermIds.Select(id => id.ToString()).ToList(),
            Accessibility = d.Accessibility.Select(a => a.ToString()).ToList(),
            Email = d.Email,
            Phone = d.Phone,
            Website = d.Website,
        };
    }
}

/// <summary>One regular time as typed.</summary>
public sealed class TimeInput
{
    public string? Frequency { get; set; }

    public List<string> Days { get; set; } = [];

    public string? WeekOfMonth { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Frequency) && Days.Count == 0 && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}
