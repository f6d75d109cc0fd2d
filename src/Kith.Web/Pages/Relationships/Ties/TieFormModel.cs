using Kith.Core.Relationships;
using Kith.Core.Relationships.Data;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Ties;

/// <summary>A tie as typed on the page: dates as day, month and year.</summary>
public sealed class TieInput
{
    public Guid? ToActorId { get; set; }

    public TieType? Type { get; set; }

    /// <summary>"one-way", "mutual", or "usual" (or empty) for the type's usual direction.</summary>
    public string? Direction { get; set; } = "usual";

    public int? Strength { get; set; }

    public TieFrequency? Frequency { get; set; }

    public DateInput Since { get; set; } = new();

    public DateInput Until { get; set; } = new();

    public string? Notes { get; set; }

    public static TieInput From(RelationshipTie tie)
    {
        ArgumentNullException.ThrowIfNull(tie);
        return new TieInput
        {
            ToActorId = tie.ToActorId,
            Type = tie.Type,
            Direction = tie.IsDirected ? "one-way" : "mutual",
            Strength = tie.Strength,
            Frequency = tie.Frequency,
            Since = tie.Since is { } s ? DateInput.FromDate(s) : new(),
            Until = tie.Until is { } u ? DateInput.FromDate(u) : new(),
            Notes = tie.Notes,
        };
    }
}

/// <summary>What the add and change pages of a tie share.</summary>
public abstract class TieFormModel(RelationshipMapService map) : PageModel
{
    protected RelationshipMapService Map => map;

    [BindProperty]
    public TieInput Input { get; set; } = new();

    public RelationshipActor From { get; protected set; } = null!;

    public List<LinkChoice> Choices { get; private set; } = [];

    /// <summary>Whether the page changes an existing tie (the other end is then fixed).</summary>
    public virtual bool IsChange => false;

    public string? ToName { get; protected set; }

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Choices = (await map.ActorChoicesAsync(cancellationToken)).Where(c => c.Id != From.Id).ToList();

    /// <summary>The values to save, or null with the problems in ModelState.</summary>
    protected TieValues? Read(Guid fromId, Guid toId)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0).ToList())
        {
            ModelState.Remove(key);
            ModelState.AddModelError(key, "Select one of the options");
        }

        var values = new TieValues
        {
            FromActorId = fromId,
            ToActorId = toId,
            Type = Input.Type,
            Strength = Input.Strength,
            Frequency = Input.Frequency,
            Notes = Input.Notes,
        };
        values.IsDirected = Input.Direction switch
        {
            "one-way" => true,
            "mutual" => false,
            _ => Input.Type is { } type && RelationshipLabels.DirectedByDefault(type),
        };
        var dateProblems = new List<FieldProblem>();
        if (!Input.Since.IsEmpty)
        {
            if (Input.Since.TryGetDate(out var since))
            {
                values.Since = since;
            }
            else
            {
                dateProblems.Add(new("Since", "The start date must be a real date, like 31 3 2024"));
            }
        }

        if (!Input.Until.IsEmpty)
        {
            if (Input.Until.TryGetDate(out var until))
            {
                values.Until = until;
            }
            else
            {
                dateProblems.Add(new("Until", "The end date must be a real date, like 31 3 2026"));
            }
        }

        var problems = RelationshipMapService.Validate(values)
            .Select(p => p.Field == nameof(TieValues.ToActorId) ? p with { Field = "ToActorId" } : p)
            .Where(p => ModelState[$"Input.{p.Field}"] is not { Errors.Count: > 0 })
            .Concat(dateProblems)
            .ToList();
        ModelState.AddProblems(problems, fallbackField: "Type");
        return ModelState.ErrorCount == 0 ? values : null;
    }
}
