package io.rollcheck.webui.admin.org;

/** A tab of the organisation page: shows the organisation as it now is. */
interface OrgTab {
    void show(OrgData data);
}
