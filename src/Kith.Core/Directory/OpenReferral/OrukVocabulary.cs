using System.Net.Mail;
using Kith.Core.Directory.Demo;

namespace Kith.Core.Directory.OpenReferral;

/// <summary>
/// How Kith's values become Open Referral UK 3.0 values: the HSDS vocabularies for enums, the
/// formats of dates and times, and the checks that keep a field out when it would not be valid.
/// </summary>
public static class OrukVocabulary
{
    /// <summary>The <c>version</c> the root document names.</summary>
    public const string Version = "HSDS-UK-3.0";

    /// <summary>Where the UK profile is described.</summary>
    public const string ProfileUrl = "https://openreferraluk.org/";

    /// <summary>HSDS service.status.</summary>
    public static string Status(AssetStatus status) => status switch
    {
        AssetStatus.Active => "active",
        AssetStatus.Inactive => "inactive",
        AssetStatus.Defunct => "defunct",
        AssetStatus.TemporarilyClosed => "temporarily closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an asset status."),
    };

    /// <summary>HSDS location.location_type.</summary>
    public static string LocationType(LocationType type) => type switch
    {
        Directory.LocationType.Physical => "physical",
        Directory.LocationType.Postal => "postal",
        Directory.LocationType.Virtual => "virtual",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a location type."),
    };

    /// <summary>HSDS address.address_type: physical, postal or virtual; anything else is read as physical.</summary>
    public static string AddressType(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "postal" => "postal",
        "virtual" => "virtual",
        _ => "physical",
    };

    /// <summary>Instants as ISO 8601 UTC with milliseconds, as the UK profile asks: 2026-12-03T10:30:45.123Z.</summary>
    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Dates as ISO 8601: 2026-12-03.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Times of day as HH:MM, UK local time (Europe/London).</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ids as lower-case hyphenated UUIDs.</summary>
    public static string Id(Guid id) => id.ToString("D");

    /// <summary>True for an absolute http(s) address; other values are left out rather than published as a broken <c>uri</c>.</summary>
    public static bool IsWebAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>True for a plain email address (no display name); other values are left out.</summary>
    public static bool IsEmailAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && string.IsNullOrEmpty(address.DisplayName);

    /// <summary>
    /// A name-based id for something Kith does not store with an id of its own (an attribute row,
    /// one of Kith's own vocabulary terms), so the same data gives the same id every time.
    /// </summary>
    public static Guid DerivedId(Guid owner, string what) => DemoTaxonomies.TermId(owner, what);
}
