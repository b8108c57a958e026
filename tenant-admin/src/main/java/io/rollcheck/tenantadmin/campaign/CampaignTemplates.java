package io.rollcheck.tenantadmin.campaign;

import io.rollcheck.tenantadmin.campaign.CampaignContent.Audience;
import io.rollcheck.tenantadmin.campaign.CampaignContent.ChecklistItem;
import io.rollcheck.tenantadmin.campaign.CampaignContent.Deadlines;
import io.rollcheck.tenantadmin.campaign.CampaignContent.EditPolicy;
import io.rollcheck.tenantadmin.campaign.CampaignContent.FaqEntry;
import io.rollcheck.tenantadmin.campaign.CampaignContent.GuideStep;
import io.rollcheck.tenantadmin.campaign.CampaignContent.LatePolicy;
import io.rollcheck.tenantadmin.campaign.CampaignContent.Notice;
import io.rollcheck.tenantadmin.campaign.CampaignContent.Office;
import io.rollcheck.tenantadmin.campaign.CampaignContent.SignLevel;
import io.rollcheck.tenantadmin.campaign.CampaignContent.WorkflowStep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default campaign every university starts from, in Chinese or English: the checklist of the
 * national record's fields with notes, the CHSI guide, the problems every year's notices repeat, and
 * dates spaced as registrars usually space them. Written in our own words from the domain model.
 */
final class CampaignTemplates {

    private CampaignTemplates() {
    }

    static CampaignContent defaults(Locale locale, int cohort, LocalDate today) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        List<String> idProof = en ? List.of("ID card (both sides)", "household register page") : List.of("身份证正反面", "户口本本人页");
        List<ChecklistItem> checklist = new ArrayList<>();
        checklist.add(new ChecklistItem("candidateNo", en
                ? "CHSI may have re-numbered candidate numbers; a different number alone is usually no error."
                : "学信网可能对考生号重新编号，仅编号不同一般不算错误。", false, EditPolicy.ONLINE_REVIEW, null));
        checklist.add(new ChecklistItem("name", en ? "Must match your ID card character for character." : "须与身份证逐字一致。",
                true, EditPolicy.ONLINE_REVIEW, idProof));
        checklist.add(new ChecklistItem("studentNo", null, false, EditPolicy.ONLINE_REVIEW, null));
        checklist.add(new ChecklistItem("sex", null, true, EditPolicy.ONLINE_REVIEW, idProof));
        checklist.add(new ChecklistItem("birthDate", null, false, EditPolicy.ONLINE_REVIEW, idProof));
        checklist.add(new ChecklistItem("idNumber", en ? "A final X must be a capital X." : "末位为 X 的，应为大写 X。",
                true, EditPolicy.ONLINE_REVIEW, idProof));
        checklist.add(new ChecklistItem("ethnicity", null, false, EditPolicy.ONLINE_REVIEW,
                en ? List.of("household register page") : List.of("户口本本人页")));
        checklist.add(new ChecklistItem("origin", null, false, EditPolicy.ONLINE_REVIEW, null));
        checklist.add(new ChecklistItem("institution", null, false, EditPolicy.ONLINE_REVIEW, null));
        checklist.add(new ChecklistItem("registrationStatus", en ? "Should read 在籍（注册学籍） (enrolled, registered)."
                : "应显示“在籍（注册学籍）”。", true, EditPolicy.ONLINE_REVIEW, null));
        checklist.add(new ChecklistItem("major", en ? "A bracketed suffix may differ; the part outside the brackets must match."
                : "专业名称括号内的方向可以不同，括号外的部分必须一致。", false, EditPolicy.ONLINE_REVIEW, null));
        for (String f : List.of("duration", "level", "admissionYear", "studyMode", "category")) {
            checklist.add(new ChecklistItem(f, null, false, EditPolicy.ONLINE_REVIEW, null));
        }
        for (String f : List.of("branch", "department", "class", "enrolmentDate", "expectedGraduation")) {
            checklist.add(new ChecklistItem(f, en ? "Minor field." : "非主要字段。", false, EditPolicy.PAPER_EVIDENCE, null));
        }
        checklist.add(new ChecklistItem("admissionPhoto", en ? "Compare the admission photo with yourself: a wrong photo is a key error."
                : "核对录取照片是否为本人，照片错误属于关键信息错误。", true, EditPolicy.PAPER_EVIDENCE,
                en ? List.of("ID card", "two recent photos") : List.of("身份证", "近期免冠照片两张")));

        List<Office> offices = List.of(
                new Office(en ? "Registrar's office (student records)" : "教务处学籍科", en ? "(room to fill in)" : "（请填写办公地点）",
                        List.of(), null, en ? "Mon–Fri 8:30–11:30, 14:30–17:00" : "周一至周五 8:30–11:30，14:30–17:00",
                        List.of("name", "idNumber", "sex", "birthDate", "major")),
                new Office(en ? "CHSI customer service" : "学信网客服", null, List.of("010-67410388"), "kefu@chsi.com.cn",
                        null, List.of()));

        Deadlines deadlines = new Deadlines(today, today.plusDays(39), today.plusDays(60), today.plusDays(62),
                today.plusDays(70), "Asia/Shanghai", LatePolicy.REFUSE);
        Audience audience = new Audience(cohort, List.of(en ? "Bachelor" : "本科"), List.of());
        List<WorkflowStep> workflow = List.of(
                new WorkflowStep(SignLevel.CLASS_MONITOR, true, deadlines.classDeadline()),
                new WorkflowStep(SignLevel.COUNSELOR, false, null),
                new WorkflowStep(SignLevel.COLLEGE, true, deadlines.collegeDeadline()),
                new WorkflowStep(SignLevel.REGISTRAR, true, deadlines.closes()));

        Notice notice = en
                ? new Notice("Notice on the " + cohort + " freshmen's check of their student records on CHSI", null, today,
                "Registrar's office", null, "All colleges", englishBody(cohort), List.of())
                : new Notice("关于开展" + cohort + "级新生学信网学籍信息自查工作的通知", null, today, "学籍科", null, "各学院",
                chineseBody(cohort), List.of());
        return new CampaignContent(notice, checklist, offices, deadlines, audience, workflow, guide(en), faq(en));
    }

    private static String chineseBody(int cohort) {
        return "学信网上的学籍信息是每位同学终身的电子档案，学历证书依据它打印，升学、就业时也以它为准；"
                + "毕业后发现的错误将无法更正。请" + cohort + "级新生在截止日期前完成以下工作：\n\n"
                + "## 一、核对什么\n\n按本平台列出的清单，逐项对照学信网上显示的本人学籍信息。\n\n"
                + "## 二、怎么做\n\n1. 按“学信网操作指南”登录学信网，打开“学籍信息”。\n"
                + "2. 在本平台逐项选择“一致”或“不一致”；不一致的，按提示报告并上传证明材料。\n"
                + "3. 全部核对完成后在线签名确认。\n\n"
                + "## 三、注意事项\n\n- 身份证号、姓名、性别、录取照片等关键信息有误的，请立即报告。\n"
                + "- 遇到注册、登录问题，先查看“常见问题”，仍无法解决的请联系下方办公室。\n";
    }

    private static String englishBody(int cohort) {
        return "Your record on CHSI is your lifelong official file: degree certificates are printed from it and schools "
                + "and employers rely on it; errors found after graduation can no longer be corrected. Freshmen of "
                + cohort + ", please do the following before the deadline:\n\n"
                + "## 1. What to check\n\nEach field of the checklist on this site against your record as CHSI shows it.\n\n"
                + "## 2. How\n\n1. Sign in to CHSI as the guide explains and open your student record.\n"
                + "2. Mark each field here as matching or not; for a wrong field, report it and upload proof.\n"
                + "3. When every field is answered, sign the confirmation online.\n\n"
                + "## 3. Please note\n\n- Report errors in your ID number, name, sex or admission photo at once.\n"
                + "- For sign-up or sign-in problems read the FAQ first, then contact the offices below.\n";
    }

    private static List<GuideStep> guide(boolean en) {
        if (en) {
            return List.of(
                    new GuideStep("Open CHSI", "Go to https://www.chsi.com.cn and choose the student record query (学籍查询)."),
                    new GuideStep("Create your account", "Register with your mobile number and the SMS code, set a password, "
                            + "enter your name and ID document, then a security e-mail and questions. If you already have an account, sign in."),
                    new GuideStep("Find your record", "In 学信档案 open 高等教育信息 → 学籍信息."),
                    new GuideStep("Compare", "Compare every field of the checklist. The status should read 在籍（注册学籍）."),
                    new GuideStep("Answer here and sign", "Mark each field on this site, report what is wrong, then sign."));
        }
        return List.of(
                new GuideStep("打开学信网", "访问 https://www.chsi.com.cn，选择“学籍查询”或“新生学籍”。"),
                new GuideStep("注册账号", "用本人手机号获取短信验证码注册，设置密码，填写姓名和证件号码，并设置安全邮箱和密保问题。已有账号的直接登录。"),
                new GuideStep("查看学籍", "登录“学信档案”，进入“高等教育信息”→“学籍信息”。"),
                new GuideStep("逐项核对", "对照清单核对每一项，学籍状态应显示“在籍（注册学籍）”。"),
                new GuideStep("回到本平台确认", "在本平台逐项选择核对结果，报告错误，最后签名确认。"));
    }

    private static List<FaqEntry> faq(boolean en) {
        if (en) {
            return List.of(
                    new FaqEntry("My phone number is already registered", "Sign in with it (recover the password if needed) "
                            + "or register with another number. Do not request SMS codes again and again: CHSI locks them for 24 hours.",
                            List.of("phone", "registered", "mobile")),
                    new FaqEntry("My ID number is already registered or reported as a duplicate", "You registered before: "
                            + "recover that account's user name or password. If you cannot, use the real-person check of the CHSI app, "
                            + "ask a classmate's account for an assistance request, or apply for a manual review with photos of you holding your ID card.",
                            List.of("ID", "registered", "duplicate")),
                    new FaqEntry("CHSI says I have no student record", "Try a computer instead of a phone and refresh. Then bind "
                            + "the record by hand in 学信档案 with student number, school, admission year and level (at most 5 tries). "
                            + "If it still fails, contact the registrar.", List.of("no record", "bind", "missing")),
                    new FaqEntry("The SMS code is locked", "Codes requested too often are locked for 24 hours; try again the next day.",
                            List.of("SMS", "code", "locked")),
                    new FaqEntry("I forgot my CHSI password", "Use CHSI's password recovery by phone or security e-mail.",
                            List.of("password", "forgot")),
                    new FaqEntry("My security e-mail is already used", "Choose another e-mail address.", List.of("e-mail", "email")),
                    new FaqEntry("CHSI looks wrong on my phone", "Some CHSI pages do not display well on phones: use a computer or the CHSI app.",
                            List.of("phone", "display", "mobile")));
        }
        return List.of(
                new FaqEntry("手机号已被注册怎么办？", "可直接用该手机号登录（忘记密码可找回），也可以换一个手机号注册。"
                        + "不要反复获取短信验证码，过于频繁会被锁定 24 小时。", List.of("手机号", "已注册", "手机", "注册")),
                new FaqEntry("身份证号已被注册或提示重复怎么办？", "说明以前注册过学信网账号：请找回原账号的用户名或密码；"
                        + "找回不了的，可用学信网 APP 实名认证、请同学账号发起协助申请，或申请人工审核（上传手持身份证照片）。",
                        List.of("身份证", "已注册", "重复", "证件")),
                new FaqEntry("提示“没有学籍信息”怎么办？", "先换用电脑浏览器并刷新；再在学信档案中用学号、学校、入学年份和层次手动绑定学籍"
                        + "（最多尝试 5 次）；仍无法显示的，请联系学籍科。", List.of("没有学籍", "无学籍", "绑定", "查不到")),
                new FaqEntry("短信验证码获取不了？", "验证码获取过于频繁会被锁定 24 小时，请次日再试。", List.of("验证码", "短信", "锁定")),
                new FaqEntry("忘记学信网密码？", "在学信网登录页点击“找回密码”，通过手机或安全邮箱重新设置。", List.of("密码", "忘记", "找回")),
                new FaqEntry("安全邮箱已被使用？", "请换一个邮箱地址。", List.of("邮箱", "安全邮箱")),
                new FaqEntry("手机上学信网显示不正常？", "学信网部分页面在手机浏览器上显示不全，请使用电脑或学信网 APP。",
                        List.of("手机", "显示", "APP")));
    }
}
