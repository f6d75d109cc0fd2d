using Kith.Core.Data;
using Kith.Core.People.Strengths;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.People.Strengths;

/// <summary>The shared part of the add-tie and change-tie pages: the form and the community asset search.</summary>
public abstract class TiePageModel : PersonPageModel
{
    protected override string RecordPart => "network";

    [BindProperty]
    public TieInput Input { get; set; } = new() { Strength = 3, Frequency = Kith.Core.People.TieFrequency.Weekly };

    [BindProperty]
    public string? AssetSearch { get; set; }

    /// <summary>Community assets whose names match <see cref="AssetSearch"/> (and the one already linked).</summary>
    public IReadOnlyList<(Guid Id, string Name)> AssetMatches { get; private set; } = [];

    protected async Task FindAssetsAsync(CancellationToken cancellationToken)
    {
        var db = HttpContext.RequestServices.GetRequiredService<KithDbContext>();
        var matches = new List<(Guid, string)>();
        if (!string.IsNullOrWhiteSpace(AssetSearch))
        {
            var q = AssetSearch.Trim().ToLower();
            var found = await db.CommunityAssets.AsNoTracking()
                .Where(a => a.ArchivedAt == null && a.Name.ToLower().Contains(q))
                .OrderBy(a => a.Name).Take(25)
                .Select(a => new { a.Id, a.Name })
                .ToListAsync(cancellationToken);
            matches.AddRange(found.Select(a => (a.Id, a.Name)));
        }

        if (Input.CommunityAssetId is { } linked && matches.All(m => m.Item1 != linked))
        {
            var name = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == linked).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is not null)
            {
                matches.Insert(0, (linked, name));
            }
        }

        AssetMatches = matches;
    }

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
    }
}
