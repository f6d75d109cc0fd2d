using System.Globalization;

namespace Kith.Web.TagHelpers;

/// <summary>
/// What someone typed into a day, month and year date input, kept as strings so a form that fails
/// validation shows exactly what was typed. Bind it with <c>&lt;nhs-date-input asp-for="..."&gt;</c>.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>True when nothing was typed into any of the three boxes.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput FromDate(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads the three parts as a real calendar date. Accepts surrounding spaces and leading zeros;
    /// the year must have four digits. Returns false for a missing part or a date that does not exist
    /// (for example 31 2 2026), never throws.
    /// </summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryPart(Day, 2, out var day) || !TryPart(Month, 2, out var month) || !TryPart(Year, 4, out var year))
        {
            return false;
        }

        if (Year!.Trim().Length != 4 || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryPart(string? text, int maxDigits, out int value)
    {
        value = 0;
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && trimmed.Length <= maxDigits
            && trimmed.All(char.IsAsciiDigit)
            && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
