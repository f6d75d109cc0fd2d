using Kith.Core.Relationships.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Actors;

/// <summary>What the add and change pages of an actor share: the fields and the lists of things to link to.</summary>
public abstract class ActorFormModel(RelationshipMapService map) : PageModel
{
    protected RelationshipMapService Map => map;

    [BindProperty]
    public ActorValues Input { get; set; } = new();

    public LinkChoices Links { get; private set; } = new([], [], []);

    protected async Task LoadLinksAsync(CancellationToken cancellationToken) => Links = await map.LinkChoicesAsync(cancellationToken);

    /// <summary>Replaces the binder's own messages ("The value 'x' is not valid") with ours, and adds the service's checks.</summary>
    protected void Check()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            if (ModelState[key]!.Errors.Count > 0)
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, "Select one of the options, or leave it empty");
            }
        }

        ModelState.AddProblems(RelationshipMapService.Validate(Input).Where(p => !ModelState.ContainsKey($"Input.{p.Field}") || ModelState[$"Input.{p.Field}"]!.Errors.Count == 0));
    }
}
