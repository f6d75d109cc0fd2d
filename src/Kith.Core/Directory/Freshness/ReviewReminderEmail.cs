using System.Globalization;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Directory.Schedules;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Freshness;

/// <summary>Who a review reminder goes to, and whose address it is ("the listing", "the listing's contact", "the organisation").</summary>
public sealed record ReminderRecipient(string Address, string Kind);

/// <summary>The subject and plain-text body of one email.</summary>
public sealed record EmailText(string Subject, string Body);

/// <summary>
/// A listing as a review reminder shows it: the key details people check, and who to send it to (the
/// listing's email, else its first contact's, else its organisation's).
/// </summary>
internal sealed class ReviewReminderEmail
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private ReviewReminderEmail(CommunityAsset asset, string? organizationName, ReminderRecipient? recipient)
    {
        Asset = asset;
        OrganizationName = organizationName;
        Recipient = recipient;
    }

    public CommunityAsset Asset { get; }

    public string? OrganizationName { get; }

    /// <summary>Null when neither the listing, its contacts nor its organisation has an email address.</summary>
    public ReminderRecipient? Recipient { get; }

    public static async Task<ReviewReminderEmail> LoadAsync(KithDbContext db, Guid assetId, CancellationToken cancellationToken)
    {
        var asset = await db.CommunityAssets.AsNoTracking()
            .Include(a => a.Organization)
            .Include(a => a.Contacts)
            .Include(a => a.Phones)
            .Include(a => a.Schedules)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == assetId, cancellationToken);
        return new ReviewReminderEmail(asset, asset.Organization?.Name, ChooseRecipient(asset));
    }

    /// <summary>The listing's own email, else its first named contact's with one, else the organisation's.</summary>
    public static ReminderRecipient? ChooseRecipient(CommunityAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (!string.IsNullOrWhiteSpace(asset.Email))
        {
            return new ReminderRecipient(asset.Email.Trim(), "the listing");
        }

        var contact = asset.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).FirstOrDefault();
        if (contact is not null)
        {
            return new ReminderRecipient(contact.Email!.Trim(), "the listing's contact");
        }

        return string.IsNullOrWhiteSpace(asset.Organization?.Email) ? null : new ReminderRecipient(asset.Organization.Email.Trim(), "the organisation");
    }

    /// <summary>Reminder <paramref name="number"/> (1 to 3) in plain words, with the "still correct" link and the links to change the listing.</summary>
    public EmailText Compose(int number, FreshnessSettings settings, Uri siteRoot, string token, DateTime nowUtc)
    {
        var root = siteRoot.AbsoluteUri.TrimEnd('/');
        var since = ListingReviewService.NotCheckedSince(Asset.LastVerifiedOn, Asset.CreatedAt);
        var sinceText = Asset.LastVerifiedOn is null
            ? $"it was added on {Date(since)}"
            : Date(since);
        var subject = number == FreshnessSettings.Reminders
            ? $"Last reminder: please check the listing for {Asset.Name}"
            : $"Please check the listing for {Asset.Name}";
        if (subject.Length > NotificationService.MaxSubjectLength)
        {
            subject = string.Concat(subject.AsSpan(0, NotificationService.MaxSubjectLength - 1), "…");
        }

        var body = new StringBuilder();
        body.AppendLine("Hello,").AppendLine();
        body.Append(Invariant($"{Asset.Name} is listed in the Kith directory of local groups, activities and services. "))
            .AppendLine("People use the directory to find something near them, so it matters that the details are right.")
            .AppendLine();
        body.AppendLine(Invariant($"No one has checked the listing since {sinceText}. Please take a minute to look over it."));
        if (number > 1)
        {
            body.AppendLine(Invariant($"This is reminder {number} of {FreshnessSettings.Reminders}."));
        }

        body.AppendLine().AppendLine("What the listing says now:").AppendLine();
        foreach (var (label, value) in KeyDetails())
        {
            body.AppendLine(Invariant($"{label}: {value}"));
        }

        body.AppendLine()
            .AppendLine("If these details are still correct, open this link and press the button on the page. You do not need an account.")
            .AppendLine()
            .AppendLine(Invariant($"{root}/review/{token}"))
            .AppendLine()
            .AppendLine(Invariant($"The link is for this listing only and works for {(int)ListingReviewService.LinkLifetime.TotalDays} days."))
            .AppendLine();
        body.AppendLine("If something has changed:")
            .AppendLine(Invariant($"- If you have a Kith account, sign in and edit the listing: {root}/manage/assets/{Asset.Id}"))
            .AppendLine(Invariant($"- If you do not, open the listing and suggest a change from its page: {root}/assets/{Asset.Id}"))
            .AppendLine();
        if (number == FreshnessSettings.Reminders)
        {
            var overdueOn = ListingReviewService.UkDate(nowUtc.AddDays(settings.DaysBeforeOverdue));
            body.AppendLine(Invariant($"This is the last reminder. If no one confirms the details by {Date(overdueOn)}, the listing will say it has not been checked since {sinceText}, and it will come lower in search results until someone confirms it."))
                .AppendLine();
        }
        else
        {
            body.AppendLine(Invariant($"If we do not hear from you, we will remind you again in {settings.DaysBetweenReminders} days."))
                .AppendLine();
        }

        body.Append(Invariant($"You are getting this email because this address is given for {Recipient?.Kind ?? "the listing"} in the directory."))
            .AppendLine(" If it should go to someone else, change the email address on the listing.");
        return new EmailText(subject, body.ToString());
    }

    private IEnumerable<(string Label, string Value)> KeyDetails()
    {
        yield return ("Name", Asset.Name);
        if (OrganizationName is not null)
        {
            yield return ("Run by", OrganizationName);
        }

        if (!string.IsNullOrWhiteSpace(Asset.Description))
        {
            var text = Asset.Description.Trim();
            yield return ("About", text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 299), "…"));
        }

        foreach (var location in Asset.ServiceAtLocations.Select(s => s.Location).OfType<Location>())
        {
            if (location.LocationType == LocationType.Virtual)
            {
                yield return ("Where", "Online");
                continue;
            }

            var parts = new[] { location.Name }
                .Concat(location.Addresses.Take(1).SelectMany(a => new[] { a.Address1, a.City, a.PostalCode }))
                .Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal);
            yield return ("Where", string.Join(", ", parts));
        }

        foreach (var time in Asset.Schedules.Concat(Asset.ServiceAtLocations.SelectMany(s => s.Schedules))
            .Select(OpeningTimes.Describe).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            yield return ("When", time);
        }

        foreach (var phone in Asset.Phones.Select(p => p.Number).Distinct(StringComparer.Ordinal))
        {
            yield return ("Phone", phone);
        }

        if (!string.IsNullOrWhiteSpace(Asset.Email))
        {
            yield return ("Email", Asset.Email.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Asset.Url))
        {
            yield return ("Website", Asset.Url.Trim());
        }
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
