namespace Kith.Core.People;

/// <summary>
/// The NHS number: ten digits, the last a modulus-11 check digit over the first nine (weights 10 down to 2).
/// Kept as the ten digits with no spaces ("9434765919"); written for people as 3-3-4 ("943 476 5919").
/// </summary>
public static class NhsNumber
{
    /// <summary>The FHIR identifier system for the NHS number in England.</summary>
    public const string FhirSystem = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>
    /// Reads an NHS number written with or without spaces or hyphens. False when it is not ten digits or the check
    /// digit does not match (including the numbers whose check works out as 10, which are never issued).
    /// </summary>
    public static bool TryParse(string? text, out string digits)
    {
        digits = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var kept = new char[10];
        var count = 0;
        foreach (var c in text.Trim())
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 10)
            {
                return false;
            }

            kept[count++] = c;
        }

        if (count != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (kept[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        if (check == 10 || check != kept[9] - '0')
        {
            return false;
        }

        digits = new string(kept);
        return true;
    }

    /// <summary>Ten digits as people write them: "943 476 5919".</summary>
    public static string Format(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
    }
}
