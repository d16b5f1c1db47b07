from django.contrib import admin

from innotwin.regions.models import Country, Region


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ko"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ko", "country", "level", "parent"]
    list_filter = ["country", "level"]
    search_fields = ["code", "name_en", "name_ko"]
