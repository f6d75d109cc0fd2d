using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    TravelKm = table.Column<double>(type: "double precision", nullable: true),
                    FreeTimes = table.Column<int>(type: "integer", nullable: false),
                    CostLimit = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    AccessNeedsMask = table.Column<int>(type: "integer", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MadeByUserId = table.Column<string>(type: "text", nullable: true),
                    MadeByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
