using Kith.Web.People;

namespace Kith.Web.Pages.People;

/// <summary>A person's whole record on one page, strengths first; each part is a view component owned by its feature.</summary>
public sealed class RecordModel : PersonPageModel
{
    protected override string RecordPart => "record";

    public void OnGet()
    {
    }
}
