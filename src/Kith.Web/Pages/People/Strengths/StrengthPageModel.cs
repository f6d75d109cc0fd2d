using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>What the add and change pages of a strength share: the posted fields (see _StrengthFields).</summary>
public abstract class StrengthPageModel : PersonPageModel
{
    protected override string RecordPart => "strengths";

    [BindProperty]
    public StrengthForm Input { get; set; } = new();
}
