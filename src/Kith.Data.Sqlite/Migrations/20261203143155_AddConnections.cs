using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectingPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TravelKm = table.Column<double>(type: "REAL", nullable: true),
                    FreeTimes = table.Column<int>(type: "INTEGER", nullable: false),
                    CostLimit = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    AccessNeedsMask = table.Column<int>(type: "INTEGER", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectingPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectingPreferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionDismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionDismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionDismissals_CommunityAssets_CommunityAssetId",
                        column: x => x.CommunityAssetId,
                        principalTable: "CommunityAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConnectionDismissals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Connections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MadeByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    MadeByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastModified = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Connections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Connections_CommunityAssets_CommunityAssetId",
                        column: x => x.CommunityAssetId,
                        principalTable: "CommunityAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Connections_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectionTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionTransitions_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectingPreferences_PersonId",
                table: "ConnectingPreferences",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionDismissals_CommunityAssetId",
                table: "ConnectionDismissals",
                column: "CommunityAssetId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionDismissals_PersonId",
                table: "ConnectionDismissals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionDismissals_PersonId_CommunityAssetId",
                table: "ConnectionDismissals",
                columns: new[] { "PersonId", "CommunityAssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Connections_CommunityAssetId_Status",
                table: "Connections",
                columns: new[] { "CommunityAssetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Connections_LastModified",
                table: "Connections",
                column: "LastModified");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_PersonId",
                table: "Connections",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Connections_PersonId_CommunityAssetId",
                table: "Connections",
                columns: new[] { "PersonId", "CommunityAssetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionTransitions_ConnectionId_Sequence",
                table: "ConnectionTransitions",
                columns: new[] { "ConnectionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionTransitions_PersonId",
                table: "ConnectionTransitions",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectingPreferences");

            migrationBuilder.DropTable(
                name: "ConnectionDismissals");

            migrationBuilder.DropTable(
                name: "ConnectionTransitions");

            migrationBuilder.DropTable(
                name: "Connections");
        }
    }
}
