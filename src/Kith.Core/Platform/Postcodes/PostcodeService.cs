using Kith.Core.Data;

namespace Kith.Core.Platform.Postcodes;

/// <summary>Looks up postcodes and postcode districts imported from the ONS Postcode Directory. Scoped.</summary>
public sealed class PostcodeService(KithDbContext db)
{
    /// <summary>Looks up what a person typed. Never throws for bad input: the result says what went wrong.</summary>
    public Task<PostcodeLookupResult> LookupAsync(string? text, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"Being built on the demo branch ({db.GetType().Name}).");
}
