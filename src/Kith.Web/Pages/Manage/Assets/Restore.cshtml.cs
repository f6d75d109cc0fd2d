using Kith.Web.Infrastructure;
using Kith.Core.Directory;

namespace Kith.Web.Pages.Manage.Assets;

public sealed class RestoreModel(AssetService assets) : ArchiveOrRestoreModel(assets)
{
    protected override bool Archiving => false;
}
