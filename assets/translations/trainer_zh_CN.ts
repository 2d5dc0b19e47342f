<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsController</name>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="43" />
        <source>Account {name} added.</source>
        <translation>已添加账户 {name}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="54" />
        <source>{name} already has the role {role}.</source>
        <translation>{name} 的角色已经是“{role}”。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="58" />
        <source>Change the role?</source>
        <translation>更改角色？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="59" />
        <source>Change the role of {name} from {old} to {new}?</source>
        <translation>将 {name} 的角色从“{old}”改为“{new}”？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="66" />
        <source>{name} now has the role {role}.</source>
        <translation>{name} 的角色已改为“{role}”。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="78" />
        <source>Disable the account?</source>
        <translation>停用账户？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="79" />
        <source>Disable the account {name}? They can no longer sign in; their practice and records stay, and you can enable the account again.</source>
        <translation>停用账户 {name}？停用后不能再登录；其练习和记录都会保留，之后可以重新启用。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="82" />
        <source>Enable the account?</source>
        <translation>启用账户？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="83" />
        <source>Enable the account {name} again? They can sign in again.</source>
        <translation>重新启用账户 {name}？启用后可以再次登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="89" />
        <source>{name} is already disabled.</source>
        <translation>{name} 已经是停用状态。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="90" />
        <source>{name} is not disabled.</source>
        <translation>{name} 没有被停用。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="92" />
        <source>{name} is disabled: they can no longer sign in.</source>
        <translation>{name} 已停用：不能再登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/accounts_controller.py" line="93" />
        <source>{name} is enabled again: they can sign in.</source>
        <translation>{name} 已重新启用：可以登录了。</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="195" />
        <location filename="../../trainer/ui/account_pages.py" line="198" />
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="196" />
        <source>New account</source>
        <translation>新账户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="197" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="197" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="197" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="199" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="199" />
        <source>&amp;Password or PIN:</source>
        <translation>密码或 PIN(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="200" />
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="200" />
        <source>&amp;Team or branch:</source>
        <translation>团队或网点(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="202" />
        <source>Name of the new account</source>
        <translation>新账户的姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="203" />
        <source>Password or PIN of the new account</source>
        <translation>新账户的密码或 PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="204" />
        <source>Team or branch</source>
        <translation>团队或网点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="205" />
        <source>Role of the new account</source>
        <translation>新账户的角色</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="206" />
        <source>New role for the selected account</source>
        <translation>所选账户的新角色</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="213" />
        <source>&amp;Add account</source>
        <translation>添加账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="214" />
        <source>&amp;Change role</source>
        <translation>更改角色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="215" />
        <source>A&amp;udit log</source>
        <translation>审计日志(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="216" />
        <source>Coaching &amp;view</source>
        <translation>辅导视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="217" />
        <source>&amp;Reports and exports</source>
        <translation>报表与导出(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="228" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="229" />
        <source>from the central server</source>
        <translation>来自中央服务器</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="250" />
        <source>&amp;Enable account</source>
        <translation>启用账户(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="250" />
        <source>&amp;Disable account</source>
        <translation>停用账户(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="255" />
        <source>An account of the central server: HR changes it on HR's PC.</source>
        <translation>中央服务器的账户：由人事在人事的电脑上修改。</translation>
    </message>
</context>
<context>
    <name>AssignmentsPage</name>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="68" />
        <source>Assignments</source>
        <translation>布置的练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="69" />
        <source>&amp;Situation:</source>
        <translation>情景(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="69" />
        <source>&amp;For:</source>
        <translation>对象(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="69" />
        <source>D&amp;ue:</source>
        <translation>截止日期(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="70" />
        <source>Pass &amp;mark:</source>
        <translation>及格分(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="72" />
        <source>&amp;Assign</source>
        <translation>布置(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="73" />
        <location filename="../../trainer/ui/assignment_pages.py" line="78" />
        <source>Situation</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="74" />
        <location filename="../../trainer/ui/assignment_pages.py" line="78" />
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="75" />
        <location filename="../../trainer/ui/assignment_pages.py" line="78" />
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="76" />
        <location filename="../../trainer/ui/assignment_pages.py" line="78" />
        <source>Pass mark</source>
        <translation>及格分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="80" />
        <source>Assignments and their completion</source>
        <translation>布置的练习及完成情况</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="81" />
        <source>Nothing is assigned yet.</source>
        <translation>还没有布置任何练习。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="82" />
        <source>&amp;Withdraw the selected one</source>
        <translation>撤回选中的练习(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="83" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/assignment_pages.py" line="94" />
        <location filename="../../trainer/ui/assignment_pages.py" line="108" />
        <source>Team: {team}</source>
        <translation>团队：{team}</translation>
    </message>
</context>
<context>
    <name>Audio</name>
    <message>
        <location filename="../../trainer/ui/audio.py" line="68" />
        <source>No microphone was found; you can type your reply instead.</source>
        <translation>没有找到麦克风，您可以直接输入回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/audio.py" line="72" />
        <source>The microphone cannot record 16 kHz mono audio.</source>
        <translation>麦克风无法录制 16 kHz 单声道音频。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/audio.py" line="79" />
        <source>The microphone could not be started; you can type your reply instead.</source>
        <translation>麦克风无法启动，您可以直接输入回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/audio.py" line="129" />
        <source>No sound output was found; the customer's lines are shown as subtitles.</source>
        <translation>没有找到声音输出设备，客户的话会以字幕显示。</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="360" />
        <source>The audit log holds together: {n} entries, chain head {head}.</source>
        <translation>审计日志完整：共 {n} 条，链头 {head}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="366" />
        <source>entry {n} is missing</source>
        <translation>第 {n} 条缺失</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="367" />
        <source>entry {n} is out of place</source>
        <translation>第 {n} 条的位置不对</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="368" />
        <source>entry {n} does not follow the entry before it</source>
        <translation>第 {n} 条与前一条接不上</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="369" />
        <source>entry {n} was changed after it was written</source>
        <translation>第 {n} 条在写入后被改动过</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="370" />
        <source>the database's protection against changing the log was removed</source>
        <translation>数据库中防止改动日志的保护被移除了</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="374" />
        <source>The audit log has been tampered with: {why}. Entries 1 to {n} still hold together (chain head {head}); compare it with the head printed on your last export.</source>
        <translation>审计日志已被篡改：{why}。第 1 至 {n} 条仍然完整（链头 {head}）；请与上次导出文件上印的链头核对。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="411" />
        <source>Set up the program as its first HR administrator.</source>
        <translation>作为第一位人事管理员完成了程序设置。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="412" />
        <source>Added the account {username} as {role}.</source>
        <translation>添加了账户 {username}，角色为{role}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="413" />
        <source>Changed {username} from {from} to {to}.</source>
        <translation>把 {username} 从{from}改为{to}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="414" />
        <source>Gave {username} a new password.</source>
        <translation>为 {username} 设置了新密码。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="415" />
        <source>Disabled the account {username}.</source>
        <translation>停用了账户 {username}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="416" />
        <source>Enabled the account {username} again.</source>
        <translation>重新启用了账户 {username}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="417" />
        <source>{username} tried to sign in while disabled.</source>
        <translation>{username} 在账户停用期间尝试登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="418" />
        <source>Lifted the lock on {account} from the command line.</source>
        <translation>在命令行解除了 {account} 的锁定。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="419" />
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="420" />
        <source>A wrong password for {username}.</source>
        <translation>{username} 的密码输入错误。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="421" />
        <source>{username} tried to sign in while locked.</source>
        <translation>{username} 在锁定期间尝试登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="422" />
        <source>Changed the {dimension} score of session {session_id} from {automatic} to {value}.</source>
        <translation>把第 {session_id} 次练习的{dimension}得分从 {automatic} 改为 {value}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="423" />
        <source>Wrote a coaching note for {trainee}.</source>
        <translation>为 {trainee} 写了辅导意见。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="424" />
        <source>Saved the scenario {id} to {file}.</source>
        <translation>把情景 {id} 保存到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="425" />
        <source>Imported a scenario pack: added {added}, replaced {replaced}.</source>
        <translation>导入了情景包：新增 {added}，替换 {replaced}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="426" />
        <source>Exported the scenarios {ids} to {file}.</source>
        <translation>把情景 {ids} 导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="427" />
        <source>Exported {rows} rows ({format}) from {from} to {to} to {file}.</source>
        <translation>导出了 {from} 至 {to} 的 {rows} 行（{format}）到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="428" />
        <source>This PC now syncs with the central server at {server} ({kind} {branch}).</source>
        <translation>本机现在与位于 {server} 的中央服务器同步（{kind} {branch}）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="429" />
        <source>This PC stopped syncing with the central server.</source>
        <translation>本机已停止与中央服务器同步。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="430" />
        <source>Published the incentive rules in {file} to the central server as version {version}.</source>
        <translation>把 {file} 中的激励规则发布到中央服务器，版本为 {version}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="431" />
        <source>Published the scenario pack {name} (version {version}: {ids}) to the central server.</source>
        <translation>把情景包 {name}（版本 {version}：{ids}）发布到中央服务器。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="432" />
        <source>Took from the central server: accounts {accounts}; incentive rules {rules}; scenario packs {packs}.</source>
        <translation>从中央服务器获取：账户 {accounts}；激励规则 {rules}；情景包 {packs}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="433" />
        <source>Sent everything of this PC's to the central server again.</source>
        <translation>已将本机的全部记录重新发送到中央服务器。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="434" />
        <source>Assigned {situation} to {trainee}{team}, due {due}, pass mark {pass_mark}.</source>
        <translation>把情景 {situation} 布置给 {trainee}{team}，截止 {due}，及格分 {pass_mark}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="435" />
        <source>Withdrew assignment {assignment}.</source>
        <translation>撤回了练习任务 {assignment}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="436" />
        <source>Installed the {language} speech model {name} (SHA-256 {sha256}).</source>
        <translation>安装了{language}语音模型 {name}（SHA-256 {sha256}）。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="329" />
        <location filename="../../trainer/ui/account_pages.py" line="332" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="330" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="330" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="330" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="331" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="333" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>CoachingPage</name>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="362" />
        <source>Who needs attention</source>
        <translation>需要关注的学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="363" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="363" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="363" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="364" />
        <source>Trainees who need attention</source>
        <translation>需要关注的学员列表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="365" />
        <source>Nobody needs attention right now.</source>
        <translation>目前没有需要特别关注的学员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="366" />
        <source>&amp;Open their sessions</source>
        <translation>查看其练习记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="367" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="372" />
        <source>low scores (recent average {n})</source>
        <translation>得分偏低（最近平均 {n}）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="374" />
        <source>falling scores (down {n} points)</source>
        <translation>得分下降（下降 {n} 分）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="376" />
        <source>repeated critical fails ({n})</source>
        <translation>多次严重失误（{n} 次）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="378" />
        <source>no practice yet</source>
        <translation>还没有练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="378" />
        <source>no practice for {n} days</source>
        <translation>已有 {n} 天没有练习</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="95" />
        <source>Points toward the next level</source>
        <translation>距离下一等级的积分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="96" />
        <source>Score trends</source>
        <translation>得分趋势</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="97" />
        <source>Scores by cause</source>
        <translation>各类原因得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="98" />
        <location filename="../../trainer/ui/progress_pages.py" line="100" />
        <source>Badges</source>
        <translation>徽章</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="99" />
        <source>Strengths and weaknesses by cause</source>
        <translation>按原因看优势与不足</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="101" />
        <source>&amp;Practise it</source>
        <translation>去练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="102" />
        <source>Show only my &amp;initials on leaderboards</source>
        <translation>排行榜上只显示我的姓名缩写(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="103" />
        <source>&amp;Keep recordings of my spoken replies for my trainer</source>
        <translation>保留我的语音回复录音，供培训师点评(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="104" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="106" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="124" />
        <source>Progress of {name}</source>
        <translation>{name}的练习进度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="127" />
        <source>Level: {level} · {points} points · {missing} to {next}</source>
        <translation>等级：{level} · {points} 分 · 距离{next}还差 {missing} 分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="138" />
        <source>Level: {level} · {points} points (top level)</source>
        <translation>等级：{level} · {points} 分（最高等级）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="148" />
        <source>Certified: every dimension at {t} or above on {n} scenarios across {m} causes.</source>
        <translation>已认证：在 {m} 类原因的 {n} 个情景中，各项得分均达到 {t} 分以上。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="154" />
        <source>Certification: every dimension at {t} or above on {n} scenarios across {m} causes (so far {have_n} scenarios, {have_m} causes).</source>
        <translation>认证要求：在 {m} 类原因的 {n} 个情景中，各项得分均达到 {t} 分以上（目前已达成 {have_n} 个情景、{have_m} 类原因）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="184" />
        <source>Earned on {day} by sessions {ids}</source>
        <translation>{day} 获得，依据练习 {ids}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="190" />
        <source>From your trainer</source>
        <translation>培训师的意见</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="196" />
        <source>Recommended next: “{title}” — to work on {dimension} in {cause}.</source>
        <translation>推荐下一步练习：“{title}”——在“{cause}”类情景中提升{dimension}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="207" />
        <source>Session</source>
        <translation>练习次数</translation>
    </message>
</context>
<context>
    <name>EditorController</name>
    <message>
        <location filename="../../trainer/ui/editor_controller.py" line="63" />
        <source>Saved “{title}”; it is in the library now.</source>
        <translation>已保存“{title}”，已加入情景库。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_controller.py" line="83" />
        <source>Add: {added}
Replace: {replaced}</source>
        <translation>新增：{added}
替换：{replaced}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_controller.py" line="85" />
        <source>Import this pack?</source>
        <translation>导入这个情景包吗？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_controller.py" line="96" />
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="220" />
        <source>Scenario editor</source>
        <extracomment>Typing pauses this long before the YAML is checked again.</extracomment>
        <translation>情景编辑器</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="222" />
        <source>&amp;YAML</source>
        <translation>YAML(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="223" />
        <source>Steps, t&amp;urns and endings</source>
        <translation>步骤、轮次和结局(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="225" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="226" />
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="227" />
        <source>Write the other lan&amp;guage</source>
        <translation>编写另一种语言版本(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="228" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="229" />
        <source>&amp;Test-play</source>
        <translation>试玩(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="230" />
        <source>&amp;Import pack…</source>
        <translation>导入情景包(&amp;I)……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="231" />
        <source>E&amp;xport pack…</source>
        <translation>导出情景包(&amp;X)……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="232" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="233" />
        <source>Re&amp;do</source>
        <translation>重做(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="234" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="237" />
        <source>Scenario to edit</source>
        <translation>要编辑的情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="238" />
        <source>Scenario as YAML</source>
        <translation>情景的 YAML 内容</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="239" />
        <source>Problems in the scenario</source>
        <translation>情景中的问题</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="240" />
        <source>Turns and endings</source>
        <translation>对话轮次与结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="270" />
        <source>Published by the centre: this scenario cannot be changed on this PC. Duplicate it to make your own copy under a new id.</source>
        <translation>由总部发布：本机不能修改这个情景。请复制一份，用新的编号保存为您自己的版本。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="273" />
        <source>This is a bundled scenario: it cannot be changed. Duplicate it to make your own version.</source>
        <translation>这是内置情景，不能修改。请复制后编辑您自己的版本。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="276" />
        <source>Rewrite every text for its readers (not word for word); keep the step ids, so the two count as one situation. The first language is beside it.</source>
        <translation>请为这种语言的读者重写每一段文字（不要逐字翻译）；保留步骤编号，这样两个版本算作同一个情景。第一种语言的版本显示在旁边。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="282" />
        <source>Published by the centre: duplicate it to save your own copy</source>
        <translation>由总部发布：请复制后保存您自己的版本</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="297" />
        <source>{title} (copy)</source>
        <translation>{title}（副本）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="221" />
        <source>The scenario in its first language (read-only)</source>
        <translation>第一种语言的情景（只读）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="334" />
        <source>Import a scenario pack</source>
        <translation>导入情景包</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="334" />
        <location filename="../../trainer/ui/editor_page.py" line="341" />
        <source>Scenario packs (*.zip)</source>
        <translation>情景包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="341" />
        <source>Export as a scenario pack</source>
        <translation>导出为情景包</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/editor_page.py" line="403" />
        <source>No problems.</source>
        <translation>没有问题。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../trainer/ui/errors.py" line="74" />
        <source>Something went wrong. Your finished turns are saved; details are in {log}.</source>
        <translation>出了点问题。已完成的对话都已保存，详细信息记录在 {log}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="99" />
        <source>Teller trainer</source>
        <translation>柜员情景训练</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="101" />
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <location filename="../../trainer/ui/export_progress.py" line="26" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/export_progress.py" line="27" />
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="46" />
        <source>{dimension} score</source>
        <translation>{dimension}得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="47" />
        <location filename="../../trainer/ui/feedback_panel.py" line="72" />
        <source>Feedback on your reply</source>
        <translation>对您回复的反馈</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="69" />
        <source>How replies are scored</source>
        <translation>回复的评分标准</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="76" />
        <source>Each reply earns points for what it does well and loses points for what hurts. The words that earned each point are highlighted.</source>
        <translation>每句回复做得好的地方加分，伤害客户的地方扣分。每一分对应的原话都会被标出来。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="78" />
        <source>Steps this customer needs</source>
        <translation>这位客户需要的处理步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="79" />
        <source>Critical fails (forbidden phrases, asking for a PIN, promises the bank cannot keep) are shown apart in red.</source>
        <translation>严重失误（服务禁语、索要密码、银行做不到的承诺）单独用红色标出。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="97" />
        <source>{n} words a minute</source>
        <translation>每分钟 {n} 个词</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="98" />
        <source>{n} fillers per 100 words</source>
        <translation>每 100 个词有 {n} 个口头禅</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="99" />
        <source>longest pause {n} s</source>
        <translation>最长停顿 {n} 秒</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="101" />
        <source>you started while the customer was still speaking</source>
        <translation>客户还没说完您就开口了</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="115" />
        <source>Critical fails</source>
        <translation>严重失误</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="115" />
        <source>Missed</source>
        <translation>未做到</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="115" />
        <source>for example</source>
        <translation>例如</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="120" />
        <source>How you said it</source>
        <translation>表达方式</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="121" />
        <source>Shown to help you; it does not change the scores.</source>
        <translation>仅供参考，不影响得分。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="129" />
        <source>already done in an earlier reply, not needed again</source>
        <translation>前面的回复已经做到，这次不必重复</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="159" />
        <source>This customer's steps are worth {share} points; {names} was done earlier, so the other items count ×{factor}.</source>
        <translation>这位客户的处理步骤占 {share} 分；{names}前面已经做到，所以其余各项按 ×{factor} 计分。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="163" />
        <source>This customer's steps are worth {share} of the 100 points, so the other items count ×{factor}.</source>
        <translation>这位客户的处理步骤占 100 分中的 {share} 分，所以其余各项按 ×{factor} 计分。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="165" />
        <source>{names} was done in an earlier reply, so the other items count ×{factor}.</source>
        <translation>{names}前面的回复已经做到，所以其余各项按 ×{factor} 计分。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="269" />
        <location filename="../../trainer/ui/review_pages.py" line="273" />
        <source>Past sessions</source>
        <translation>历史练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="272" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="272" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="272" />
        <source>Turns</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="272" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="274" />
        <source>No sessions yet: practise a scenario and it will appear here.</source>
        <translation>还没有练习记录：练习一个情景后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="275" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="276" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="291" />
        <source>certified</source>
        <translation>已认证</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="291" />
        <source>not certified yet</source>
        <translation>尚未认证</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="292" />
        <source>{name} ({team}): level {level}, {points} points, {certified}.</source>
        <translation>{name}（{team}）：等级 {level}，{points} 分，{certified}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="299" />
        <source>Show more ({n} not shown)</source>
        <translation>显示更多（还有 {n} 条未显示）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="321" />
        <source>Scored {automatic} automatically; a trainer set it to {score}.</source>
        <translation>自动评分为 {automatic}；培训师改为 {score}。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../trainer/ui/labels.py" line="15" />
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="16" />
        <source>Communication</source>
        <translation>沟通问题</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="17" />
        <source>System failure</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="18" />
        <source>Staff attitude</source>
        <translation>员工态度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="19" />
        <source>Policy and market</source>
        <translation>政策与市场</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="25" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="26" />
        <source>Escalated</source>
        <translation>已升级处理</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="27" />
        <source>Walked out</source>
        <translation>客户离开</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="28" />
        <source>Stopped early</source>
        <translation>提前结束</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="29" />
        <source>Interrupted</source>
        <translation>意外中断</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="30" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="31" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="37" />
        <source>Empathy</source>
        <translation>同理心</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="38" />
        <source>Clarity</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="39" />
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="49" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="50" />
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="51" />
        <source>HR administrator</source>
        <translation>人事管理员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="57" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="58" />
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="59" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="66" />
        <source>Scenario step</source>
        <translation>情景步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="68" />
        <source>Acknowledges the feeling</source>
        <translation>体察客户情绪</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="69" />
        <source>Apologises</source>
        <translation>真诚致歉</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="70" />
        <source>Validates the expectation</source>
        <translation>认可客户的诉求</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="71" />
        <source>Takes ownership</source>
        <translation>主动担责</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="72" />
        <source>Courteous words</source>
        <translation>礼貌用语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="73" />
        <source>Blames the customer</source>
        <translation>指责客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="74" />
        <source>Dismisses the customer</source>
        <translation>敷衍打发客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="75" />
        <source>Hides behind rules or systems</source>
        <translation>拿规定或系统推脱</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="76" />
        <source>Apology cancelled by “but”</source>
        <translation>道歉后接“但是”</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="77" />
        <source>Conditional apology</source>
        <translation>有条件的道歉</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="78" />
        <source>Concrete specifics</source>
        <translation>具体信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="79" />
        <source>More than one specific</source>
        <translation>多项具体信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="80" />
        <source>Steps in order</source>
        <translation>步骤有先后</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="81" />
        <source>Checks understanding</source>
        <translation>确认客户理解</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="82" />
        <source>Plain and short</source>
        <translation>简短易懂</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="83" />
        <source>Unexplained jargon</source>
        <translation>未解释的术语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="84" />
        <source>Vague promise</source>
        <translation>含糊的承诺</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="85" />
        <source>Fillers and hedges</source>
        <translation>口头禅和含糊词</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="86" />
        <source>Run-on sentence</source>
        <translation>句子过长</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="87" />
        <source>Acknowledges before solving</source>
        <translation>先安抚后解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="88" />
        <source>Solves before acknowledging</source>
        <translation>未安抚就谈解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="89" />
        <source>Asks for the details</source>
        <translation>询问具体情况</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="90" />
        <source>Concrete action</source>
        <translation>具体行动</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="91" />
        <source>A complete plan</source>
        <translation>完整的方案</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="92" />
        <source>Time frame</source>
        <translation>时间承诺</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="93" />
        <source>Follow-up or escalation</source>
        <translation>跟进或上报</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="94" />
        <source>Forbidden phrase</source>
        <translation>服务禁语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="95" />
        <source>Asks for a PIN or password</source>
        <translation>索要密码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="96" />
        <source>Asks for a PIN, password or code</source>
        <translation>索要密码或验证码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="97" />
        <source>Discloses another customer's data</source>
        <translation>泄露其他客户信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="98" />
        <source>Promises what the bank cannot</source>
        <translation>做出银行无法兑现的承诺</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="104" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="105" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="106" />
        <source>passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="107" />
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="117" />
        <source>never synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="118" />
        <source>From the central server's record, as of the last sync ({when}).</source>
        <translation>中央服务器上的记录，截至上次同步（{when}）。</translation>
    </message>
</context>
<context>
    <name>LeaderboardPage</name>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="269" />
        <location filename="../../trainer/ui/progress_pages.py" line="274" />
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="270" />
        <source>&amp;Team or branch:</source>
        <translation>团队或网点(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="271" />
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="272" />
        <source>Team or branch</source>
        <translation>团队或网点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="273" />
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="276" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="276" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="276" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="276" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="276" />
        <source>Sessions</source>
        <translation>练习次数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="278" />
        <source>&amp;Open their sessions</source>
        <translation>查看其练习记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="279" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="284" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="285" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="286" />
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="300" />
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="303" />
        <source>Region: {name}</source>
        <translation>区域：{name}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/progress_pages.py" line="305" />
        <source>Branch: {name}</source>
        <translation>网点：{name}</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="132" />
        <source>Choose a customer to calm</source>
        <translation>选择一位需要安抚的客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="133" />
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="133" />
        <source>&amp;Difficulty:</source>
        <translation>难度(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="134" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="136" />
        <source>All causes</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="138" />
        <source>All levels</source>
        <translation>全部难度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="140" />
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="142" />
        <source>Filter by cause</source>
        <translation>按原因筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="143" />
        <source>Filter by difficulty</source>
        <translation>按难度筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="144" />
        <source>Filter by language</source>
        <translation>按语言筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="145" />
        <source>Scenarios</source>
        <translation>情景列表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="146" />
        <source>No scenario matches these filters.</source>
        <translation>没有符合筛选条件的情景。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="147" />
        <source>&amp;Practise this scenario</source>
        <translation>练习这个情景(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="148" />
        <source>Past &amp;sessions</source>
        <translation>历史练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="149" />
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="150" />
        <source>My p&amp;rogress</source>
        <translation>我的进度(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="151" />
        <source>Leader&amp;board</source>
        <translation>排行榜(&amp;B)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="157" />
        <source>Opening your practice data…</source>
        <translation>正在打开练习数据……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="145" />
        <source>Some scenarios could not be loaded</source>
        <translation>部分情景无法加载</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="157" />
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="256" />
        <source>Teller trainer</source>
        <translation>柜员情景训练</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="257" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="258" />
        <source>Past &amp;sessions</source>
        <translation>历史练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="259" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="260" />
        <source>&amp;Coaching view (trainers)</source>
        <translation>辅导视图（培训师）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="261" />
        <source>&amp;Leaderboard</source>
        <translation>排行榜(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="262" />
        <source>Assi&amp;gnments (trainers)</source>
        <translation>布置练习（培训师）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="263" />
        <source>&amp;Accounts (HR)</source>
        <translation>账户管理（人事）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="264" />
        <source>&amp;Reports and exports (HR)</source>
        <translation>报表与导出（人事）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="265" />
        <source>Scenario &amp;editor (trainers)</source>
        <translation>情景编辑器（培训师）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="266" />
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="267" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="268" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="269" />
        <source>Speech &amp;models…</source>
        <translation>语音模型(&amp;M)……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="271" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="106" />
        <source>Speech models</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="107" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="107" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="107" />
        <source>In use</source>
        <translation>正在使用</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="108" />
        <source>SHA-256 of the zip</source>
        <translation>压缩包的 SHA-256</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="109" />
        <source>Installed speech models</source>
        <translation>已安装的语音模型</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="110" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="111" />
        <source>Language of the model</source>
        <translation>模型语言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="112" />
        <source>&amp;Use selected model</source>
        <translation>使用所选模型(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="113" />
        <source>Import &amp;zip…</source>
        <translation>导入压缩包(&amp;Z)……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="114" />
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="115" />
        <source>&amp;Download the official small model</source>
        <translation>下载官方小模型(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="116" />
        <source>Download again from the &amp;start</source>
        <translation>从头重新下载(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="117" />
        <source>&amp;Cancel download</source>
        <translation>取消下载(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="118" />
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="119" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="132" />
        <source>Imported from a folder: no zip</source>
        <translation>从文件夹导入：没有压缩包</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="135" />
        <source>No speech model is installed: import one (banks without internet access can copy the zip from another computer) or download the official small model. Typed replies work without one.</source>
        <translation>尚未安装语音模型：请导入一个（无法上网的网点可以从其他电脑拷贝压缩包），或下载官方小模型。没有模型也可以打字回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="153" />
        <source>Import a speech model</source>
        <translation>导入语音模型</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="154" />
        <source>Zip files (*.zip)</source>
        <translation>压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="159" />
        <source>Import a speech model folder</source>
        <translation>导入语音模型文件夹</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="164" />
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="183" />
        <source>Downloading {url}…</source>
        <translation>正在下载 {url}……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="203" />
        <source>Installed {name} for {language}; its SHA-256 {sha256} matches the catalogue.</source>
        <translation>已为{language}安装 {name}；其 SHA-256 {sha256} 与模型清单一致。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="205" />
        <source>Installed {name} for {language}; the SHA-256 of its zip, {sha256}, is recorded.</source>
        <translation>已为{language}安装 {name}；已记录其压缩包的 SHA-256：{sha256}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/models_dialog.py" line="207" />
        <source>Installed {name} for {language}.</source>
        <translation>已为{language}安装 {name}。</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="143" />
        <source>Customer's mood (100 = furious)</source>
        <translation>客户情绪（100 = 非常愤怒）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="144" />
        <source>Customer's mood</source>
        <translation>客户情绪</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="145" />
        <source>%v / 100</source>
        <translation>%v / 100</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="146" />
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="147" />
        <source>Your reply</source>
        <translation>您的回复</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="148" />
        <source>Type your reply. Enter sends, Shift+Enter starts a new line.</source>
        <translation>输入您的回复。按 Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="149" />
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="150" />
        <source>&amp;End session</source>
        <translation>结束练习(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="151" />
        <source>See the &amp;summary</source>
        <translation>查看总结(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="152" />
        <source>Hold to &amp;talk</source>
        <translation>按住说话(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="153" />
        <source>Hold to talk</source>
        <translation>按住说话</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="154" />
        <source>Hold this button (or Space while it has focus) and speak; release to see what was heard.</source>
        <translation>按住这个按钮（或在它获得焦点时按住空格键）说话，松开后查看识别结果。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="156" />
        <source>&amp;Mute customer</source>
        <translation>客户静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="157" />
        <source>&amp;Replay customer</source>
        <translation>重听客户(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="186" />
        <source>Test-play: this session is kept apart and never counts towards points, leaderboards, coaching or reports.</source>
        <translation>试玩：本次练习单独保存，不计入积分、排行榜、辅导视图或报表。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="199" />
        <source>Session ended: {outcome}</source>
        <translation>练习结束：{outcome}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="218" />
        <source>Listening…</source>
        <translation>正在听……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="221" />
        <source>Heard so far: {text}</source>
        <translation>目前听到：{text}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="227" />
        <source>Nothing was heard; try again, or type your reply.</source>
        <translation>没有听到声音，请再试一次，或直接输入回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="251" />
        <source>Check what was heard (grey words were unclear and never cost you points), fix it if you like, then press Enter.</source>
        <translation>请核对识别结果（灰色的词没听清，不会因此扣分），需要的话可以修改，然后按 Enter 发送。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="274" />
        <source>Scoring your reply…</source>
        <translation>正在为您的回复评分……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="281" />
        <source>You</source>
        <translation>您</translation>
    </message>
</context>
<context>
    <name>ReportsController</name>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="57" />
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="67" />
        <source>Audit log chain head: {head}.</source>
        <translation>审计日志链头：{head}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="69" />
        <source>The export had finished before it could be cancelled. {message}</source>
        <translation>取消之前导出已经完成。{message}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="77" />
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="92" />
        <source>1 reply exported to {file}.</source>
        <translation>已将 1 条回复导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="93" />
        <source>{n} replies exported to {file}.</source>
        <translation>已将 {n} 条回复导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="95" />
        <source>1 trainee</source>
        <translation>1 名学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="96" />
        <source>{n} trainees</source>
        <translation>{n} 名学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="97" />
        <source>1 session</source>
        <translation>1 次练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="97" />
        <source>{n} sessions</source>
        <translation>{n} 次练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="98" />
        <source>1 reply</source>
        <translation>1 条回复</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="98" />
        <source>{n} replies</source>
        <translation>{n} 条回复</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="99" />
        <source>{t}, {s} and {r} exported to {file}.</source>
        <translation>已将{t}、{s}和{r}导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="103" />
        <source>1 session exported to {file} as an xAPI statement.</source>
        <translation>已将 1 次练习以 xAPI 语句导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="104" />
        <source>{n} sessions exported to {file} as xAPI statements.</source>
        <translation>已将 {n} 次练习以 xAPI 语句导出到 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="107" />
        <source>The scorecard was written to {file}.</source>
        <translation>成绩单已写入 {file}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_controller.py" line="108" />
        <source>{n} scorecards written to {file}.</source>
        <translation>已将 {n} 份成绩单写入 {file}。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="169" />
        <source>Every team</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="180" />
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="193" />
        <source>The last day is before the first day.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="222" />
        <source>{trainees} trainees, {sessions} sessions from {start} to {end}.</source>
        <translation>{start} 至 {end}：{trainees} 名学员，{sessions} 次练习。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="225" />
        <source>Nobody practised with these filters in this period.</source>
        <translation>在此期间没有符合筛选条件的练习。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="229" />
        <source>Assignments: {passed} passed, {in_progress} in progress, {not_started} not started, {overdue} overdue.</source>
        <translation>布置的练习：{passed} 项已通过，{in_progress} 项进行中，{not_started} 项未开始，{overdue} 项已逾期。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="235" />
        <source>never synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="237" />
        <source>Every branch's record from the central server, as of the last sync ({when}).</source>
        <translation>各网点的记录来自中央服务器，截至上次同步（{when}）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="249" />
        <source>{score} (automatic {automatic})</source>
        <translation>{score}（自动 {automatic}）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="251" />
        <source>Trainers' overrides changed this average; the scorer gave {automatic}.</source>
        <translation>培训师的调整改变了这个平均分；自动评分为 {automatic}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="257" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="257" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="258" />
        <source>{points} points</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="267" />
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="267" />
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="267" />
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="268" />
        <source>every team</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="269" />
        <source>Trend of {team}: average per {size} (trainers' overrides applied)</source>
        <translation>{team}的趋势：每{size}平均分（含培训师调整）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="301" />
        <source>PDF scorecard of {name}…</source>
        <translation>{name}的 PDF 成绩单…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="302" />
        <source>PDF scorecard of the selected trainee…</source>
        <translation>所选学员的 PDF 成绩单…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="343" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="360" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="360" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="361" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="361" />
        <source>xAPI statements (*.json)</source>
        <translation>xAPI 语句 (*.json)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="364" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="366" />
        <source>&amp;Team or branch:</source>
        <translation>团队或网点(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="366" />
        <source>T&amp;rainee:</source>
        <translation>学员(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="366" />
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="367" />
        <source>&amp;From:</source>
        <translation>开始日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="367" />
        <source>T&amp;o:</source>
        <translation>结束日期(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="369" />
        <source>Team or branch</source>
        <translation>团队或网点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="370" />
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="371" />
        <source>Cause of upset</source>
        <translation>客户不满的原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="372" />
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="373" />
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="374" />
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="375" />
        <source>Trend chart</source>
        <translation>趋势图</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="377" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="377" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="377" />
        <source>Sessions</source>
        <translation>练习次数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="378" />
        <source>Critical fails</source>
        <translation>严重失误</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="378" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="378" />
        <source>Certified</source>
        <translation>已认证</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="379" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="380" />
        <source>Replies as CSV…</source>
        <translation>回复（CSV）…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="381" />
        <source>Workbook (XLSX): summary, sessions, replies…</source>
        <translation>工作簿（XLSX）：汇总、练习、回复…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="382" />
        <source>PDF scorecards of everyone shown…</source>
        <translation>所列全部学员的 PDF 成绩单…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="383" />
        <source>xAPI statements for an LMS…</source>
        <translation>用于学习管理系统的 xAPI 语句…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="384" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/reports_page.py" line="388" />
        <source>Every cause</source>
        <translation>全部原因</translation>
    </message>
</context>
<context>
    <name>ScenarioCard</name>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="55" />
        <source>Your best: empathy {e}, clarity {c}, solution {s}</source>
        <translation>您的最好成绩：同理心 {e}，清晰度 {c}，解决方案 {s}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="58" />
        <source>Not practised yet</source>
        <translation>尚未练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="62" />
        <source>Assigned to you · due {due} · pass mark {mark} · {status}</source>
        <translation>布置给您的练习 · 截止 {due} · 及格分 {mark} · {status}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="65" />
        <source>(late)</source>
        <translation>（逾期完成）</translation>
    </message>
</context>
<context>
    <name>ScenarioFields</name>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="60" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="60" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="60" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="61" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="61" />
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="64" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="64" />
        <source>Id:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="65" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="65" />
        <source>Cause:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="66" />
        <source>Difficulty:</source>
        <translation>难度：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="115" />
        <source>(missing)</source>
        <translation>（缺少）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/scenario_fields.py" line="116" />
        <source>{value} (not valid)</source>
        <translation>{value}（无效）</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="76" />
        <source>Set up the teller trainer</source>
        <translation>设置柜员情景训练</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="77" />
        <source>First, create the HR administrator. The administrator creates the accounts of trainees and trainers.</source>
        <translation>首先创建人事管理员。管理员负责创建学员和培训师的账户。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="79" />
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="81" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="82" />
        <source>Use the name and password (or PIN) your administrator gave you.</source>
        <translation>请使用管理员给您的姓名和密码（或 PIN）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="83" />
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="84" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="85" />
        <source>&amp;Password or PIN:</source>
        <translation>密码或 PIN(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="86" />
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="87" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="88" />
        <source>Password or PIN</source>
        <translation>密码或 PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="89" />
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="109" />
        <source>Please type your name and password.</source>
        <translation>请输入姓名和密码。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/account_pages.py" line="113" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StructureForm</name>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="134" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="134" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="134" />
        <source>unspecified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="136" />
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="137" />
        <source>Add turn</source>
        <translation>添加轮次</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="138" />
        <source>Add ending</source>
        <translation>添加结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="139" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="140" />
        <source>&amp;Apply to the YAML</source>
        <translation>应用到 YAML(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="141" />
        <source>Add branch</source>
        <translation>添加分支</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="142" />
        <source>When (empty: otherwise)</source>
        <translation>条件（留空表示其他情况）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="142" />
        <source>Go to</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="143" />
        <source>Steps, turns and endings</source>
        <translation>步骤、轮次和结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="147" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="148" />
        <source>Age:</source>
        <translation>年龄：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="149" />
        <source>Gender (voice):</source>
        <translation>性别（语音）：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="150" />
        <source>Face:</source>
        <translation>头像：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="151" />
        <source>Starting mood (100 = furious):</source>
        <translation>初始情绪（100 = 非常愤怒）：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="152" />
        <source>Speaking rate:</source>
        <translation>语速：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="153" />
        <source>Pitch:</source>
        <translation>音高：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="154" />
        <source>Briefing for the trainee:</source>
        <translation>给学员的情况说明：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="155" />
        <source>Forbidden phrases (one a line):</source>
        <translation>禁用语（每行一个）：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="161" />
        <source>Customer's name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="162" />
        <source>Customer's age</source>
        <translation>客户年龄</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="163" />
        <source>Customer's gender</source>
        <translation>客户性别</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="164" />
        <source>Customer's face</source>
        <translation>客户头像</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="165" />
        <source>Starting mood</source>
        <translation>初始情绪</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="166" />
        <source>Speaking rate</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="167" />
        <source>Pitch</source>
        <translation>音高</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="168" />
        <source>Briefing</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="169" />
        <source>Forbidden phrases</source>
        <translation>禁用语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="172" />
        <source>The one for their gender and age</source>
        <translation>按性别和年龄选择</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="173" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="174" />
        <source>Description or what the customer says</source>
        <translation>说明或客户说的话</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="175" />
        <source>Examples, model answer or debrief</source>
        <translation>示例、参考回答或复盘说明</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="176" />
        <source>Outcome</source>
        <translation>结局类型</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="177" />
        <source>Branches of the turn</source>
        <translation>该轮次的分支</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="185" />
        <source>Applying rewrites the YAML from the form; comments in it are not kept.</source>
        <translation>应用时会根据表单重写 YAML，其中的注释不会保留。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="196" />
        <source>Customer, briefing and forbidden phrases</source>
        <translation>客户、情况说明和禁用语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="210" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="210" />
        <source>Turn</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="210" />
        <source>Ending</source>
        <translation>结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="251" />
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="251" />
        <source>Examples (one a line):</source>
        <translation>示例（每行一个）：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="252" />
        <source>Customer says:</source>
        <translation>客户说：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="252" />
        <source>Model answer:</source>
        <translation>参考回答：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="253" />
        <source>Customer's last words:</source>
        <translation>客户最后一句话：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="253" />
        <source>Debrief:</source>
        <translation>复盘说明：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="258" />
        <source>Id:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="258" />
        <source>Outcome:</source>
        <translation>结局类型：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="258" />
        <source>Branches:</source>
        <translation>分支：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/structure_form.py" line="343" />
        <source>Branch {n}: the condition is not valid YAML.</source>
        <translation>分支 {n}：条件不是有效的 YAML。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="105" />
        <source>Scores per turn</source>
        <translation>每轮得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="106" />
        <source>Your replies beside the model answers</source>
        <translation>您的回复与参考回答对照</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="107" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="108" />
        <source>Practise &amp;again</source>
        <translation>再练一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="114" />
        <source>Dimension to override</source>
        <translation>要调整的评分维度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="115" />
        <source>Overriding score</source>
        <translation>调整后的分数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="116" />
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="117" />
        <source>Why the score is overridden</source>
        <translation>调整分数的原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="118" />
        <source>&amp;Override score</source>
        <translation>调整分数(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="119" />
        <source>Coaching note for the trainee</source>
        <translation>给学员的辅导意见</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="120" />
        <source>Coaching note</source>
        <translation>辅导意见</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="121" />
        <source>Add &amp;note</source>
        <translation>添加意见(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="139" />
        <source>Ending</source>
        <translation>结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="139" />
        <source>turn limit reached</source>
        <translation>已达轮数上限</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="139" />
        <source>Average scores</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="140" />
        <source>Reopened from history (read-only).</source>
        <translation>从历史记录中打开（只读）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="151" />
        <source>About this ending: {text}</source>
        <translation>关于这个结局：{text}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="155" />
        <source>Trainer overrides</source>
        <translation>培训师调整的分数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="156" />
        <source>{dimension}: {automatic} → {value} by {by}: “{comment}”</source>
        <translation>{dimension}：{automatic} → {value}（{by}）：“{comment}”</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="166" />
        <source>Practise next</source>
        <translation>下一步练习重点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="167" />
        <source>For example: “{model}”</source>
        <translation>例如：“{model}”</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="180" />
        <source>You replied once; the customer's mood went from {start} to {end}.</source>
        <translation>您回复了 1 次；客户的情绪从 {start} 变为 {end}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="181" />
        <source>You replied {n} times; the customer's mood went from {start} to {end}.</source>
        <translation>您回复了 {n} 次；客户的情绪从 {start} 变为 {end}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="184" />
        <source>Steps you took: {steps}.</source>
        <translation>您已做到的步骤：{steps}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="186" />
        <source>Steps still missing: {steps}.</source>
        <translation>尚未做到的步骤：{steps}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="188" />
        <source>Reply {n} calmed the customer most (mood −{by}).</source>
        <translation>第 {n} 次回复最能安抚客户（情绪 −{by}）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="191" />
        <source>Reply {n} angered the customer most (mood +{by}).</source>
        <translation>第 {n} 次回复最激怒客户（情绪 +{by}）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="194" />
        <source>Critical fails: {n}.</source>
        <translation>严重失误：{n} 次。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="211" />
        <source>Turn</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="216" />
        <source>Turn by turn</source>
        <translation>逐轮回顾</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="216" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="216" />
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="216" />
        <source>Model answer</source>
        <translation>参考回答</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="217" />
        <source>(no model answer: the scenario has changed)</source>
        <translation>（无参考回答：情景已修改）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="218" />
        <source>▶ Listen to the recording</source>
        <translation>▶ 收听录音</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="221" />
        <source>Turn {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="35" />
        <location filename="../../trainer/ui/sync_controller.py" line="44" />
        <source>Central server</source>
        <translation>中央服务器</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="49" />
        <source>nothing waiting</source>
        <translation>没有待发送的记录</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="49" />
        <source>1 record waiting</source>
        <translation>1 条记录待发送</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="50" />
        <source>%1 records waiting</source>
        <translation>%1 条记录待发送</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="55" />
        <source>Offline (practice goes on): %1 · %2</source>
        <translation>离线（练习照常进行）：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="58" />
        <source>Synced at %1 · %2</source>
        <translation>已于 %1 同步 · %2</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="60" />
        <source>Not synced yet · %1</source>
        <translation>尚未同步 · %1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="62" />
        <source>Last successful sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/sync_controller.py" line="62" />
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="17" />
        <source>That name and password do not match.</source>
        <translation>姓名与密码不匹配。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="18" />
        <source>Too many wrong attempts: try again after {minutes} minutes.</source>
        <translation>错误次数过多：请在 {minutes} 分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="19" />
        <source>The first administrator already exists; sign in instead.</source>
        <translation>首位管理员已经存在，请直接登录。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="20" />
        <source>a trainee's PIN or password needs at least {n} characters</source>
        <translation>学员的 PIN 或密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="21" />
        <source>a trainer's or HR administrator's password needs at least {n} characters</source>
        <translation>培训师或人事管理员的密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="22" />
        <source>that password is too easy to guess (one character repeated, or a run of digits); choose another</source>
        <translation>这个密码太容易被猜到（同一个字符重复，或一串连续数字），请换一个。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="23" />
        <source>this database has accounts: a trainee is added as an account</source>
        <translation>此数据库已有账户：请以账户的方式添加学员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="24" />
        <source>{name} needs a new password of at least {n} characters for this role: type one in the password field</source>
        <translation>{name} 换成这个角色需要至少 {n} 个字符的新密码：请在密码栏中输入。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="25" />
        <source>unknown role '{role}'</source>
        <translation>未知的角色“{role}”。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="26" />
        <source>there is no account called '{name}'</source>
        <translation>没有名为“{name}”的账户。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="27" />
        <source>this is the last HR administrator; make someone else one first</source>
        <translation>这是最后一位人事管理员；请先把另一个账户设为人事管理员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="28" />
        <source>an account needs a name</source>
        <translation>账户需要填写姓名。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="29" />
        <source>an account called '{name}' already exists</source>
        <translation>名为“{name}”的账户已经存在。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="30" />
        <source>the account {name} no longer exists</source>
        <translation>账户 {name} 已不存在。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="31" />
        <source>a trainee needs a name</source>
        <translation>学员需要填写姓名。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="32" />
        <source>there is no trainee called '{name}'</source>
        <translation>没有名为“{name}”的学员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="33" />
        <source>there is no trainee {id}</source>
        <translation>没有编号为 {id} 的学员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="34" />
        <source>sign in first: this database has accounts</source>
        <translation>请先登录：这个数据库已经有账户。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="35" />
        <source>The account {name} is disabled; ask your HR administrator.</source>
        <translation>账户 {name} 已停用；请联系您的人事管理员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="36" />
        <source>you cannot disable the account you are signed in with</source>
        <translation>不能停用您当前登录的账户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="37" />
        <source>{name} is an account of the central server: HR changes it on HR's PC, and this PC takes the change at its next sync</source>
        <translation>{name} 是中央服务器的账户：由人事在人事的电脑上修改，本机在下次同步时获取修改</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="39" />
        <source>{user} ({role}) may not {what}.</source>
        <translation>{user}（{role}）无权{what}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="40" />
        <source>{name} may only see their own sessions.</source>
        <translation>{name} 只能查看自己的练习。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="41" />
        <source>{name} may not override scores of their own sessions.</source>
        <translation>{name} 不能调整自己练习的分数。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="42" />
        <source>{name} may only read their own coaching notes.</source>
        <translation>{name} 只能阅读给自己的辅导意见。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="44" />
        <source>there is no session {id}</source>
        <translation>没有编号为 {id} 的练习。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="45" />
        <source>dimension must be empathy, clarity or solution (got '{got}')</source>
        <translation>评分维度必须是同理心、清晰度或解决方案（收到的是“{got}”）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="46" />
        <source>a score must be between 0 and 100 (got {got})</source>
        <translation>分数必须在 0 到 100 之间（收到的是 {got}）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="47" />
        <source>an override needs a comment saying why</source>
        <translation>调整分数时需要写明原因。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="48" />
        <source>a coaching note cannot be empty</source>
        <translation>辅导意见不能为空。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="50" />
        <source>there is no scenario with id '{id}'</source>
        <translation>没有编号为“{id}”的情景。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="51" />
        <source>the reply is empty</source>
        <translation>回复是空的。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="52" />
        <source>nothing was heard</source>
        <translation>没有听到任何内容。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="54" />
        <source>'{id}' is a bundled scenario and cannot be changed; duplicate it and save it under a new id</source>
        <translation>“{id}”是内置情景，不能修改；请复制一份，用新的编号保存。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="56" />
        <source>the pack would replace bundled scenarios ({ids}); give them new ids</source>
        <translation>这个情景包会替换内置情景（{ids}）；请给它们换用新的编号。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="57" />
        <source>'{id}' was published by the centre and cannot be changed on this PC; duplicate it and save it under a new id</source>
        <translation>“{id}”由总部发布，本机不能修改；请复制一份，用新的编号保存。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="58" />
        <source>the pack would replace scenarios the centre published ({ids}); give them new ids</source>
        <translation>这个情景包会替换总部发布的情景（{ids}）；请给它们换用新的编号。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="60" />
        <source>unknown export format '{got}'</source>
        <translation>未知的导出格式“{got}”。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="61" />
        <source>language must be one of {choices} (got '{got}')</source>
        <translation>语言必须是 {choices} 之一（收到的是“{got}”）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="62" />
        <source>Cannot write to the database: {reason}.</source>
        <translation>无法写入数据库：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="63" />
        <source>The download was cancelled; it can be resumed.</source>
        <translation>下载已取消，之后可以继续。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="65" />
        <source>A {language} model called {name} is already installed.</source>
        <translation>已经安装了名为 {name} 的{language}语音模型。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="66" />
        <source>Cannot open the database {path}: {reason}.</source>
        <translation>无法打开数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="67" />
        <source>Cannot use the database {path}: {reason}.</source>
        <translation>无法使用数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="68" />
        <source>The database file {path} is damaged; restore it from a backup.</source>
        <translation>数据库文件 {path} 已损坏，请用备份恢复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="69" />
        <source>The database file {path} is damaged or is not a database; restore it from a backup.</source>
        <translation>数据库文件 {path} 已损坏或不是数据库，请用备份恢复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="70" />
        <source>The database {path} was written by a newer version of this program (schema {version}, this version knows up to {known}); please update the program.</source>
        <translation>数据库 {path} 由本程序的较新版本写入（结构版本 {version}，本版本最高只支持 {known}），请更新程序。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="71" />
        <source>The download failed: the server answered {code} {reason}.</source>
        <translation>下载失败：服务器返回 {code} {reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="72" />
        <source>The download is incomplete ({size} of {total} bytes); try again to resume it.</source>
        <translation>下载不完整（{total} 字节中只收到 {size} 字节），请重试以继续下载。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="73" />
        <source>The download stopped ({reason}); try again to resume it.</source>
        <translation>下载中断（{reason}），请重试以继续下载。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="74" />
        <source>There is no {language} model called {name}.</source>
        <translation>没有名为 {name} 的{language}语音模型。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="75" />
        <source>cannot write {path}: nobody practised in this period, so there is no scorecard to print.</source>
        <translation>无法写入 {path}：这段时间没有人练习，没有可打印的成绩单。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="76" />
        <source>cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="77" />
        <source>cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="78" />
        <source>cannot write {path}: {trainee} has no practice from {start} to {end}, so there is no scorecard.</source>
        <translation>无法写入 {path}：{trainee} 在 {start} 至 {end} 期间没有练习记录，没有成绩单。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="80" />
        <source>No xAPI home page is set: give your organisation's web address with --home-page, or in the Reports view's xAPI export.</source>
        <translation>尚未设置 xAPI 主页：请用 --home-page 或在报表页面导出 xAPI 时填写贵机构的网址。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="81" />
        <source>the xAPI home page must be a web address starting with https:// (got {got})</source>
        <translation>xAPI 主页必须是以 https:// 开头的网址（填写的是 {got}）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="82" />
        <source>the xAPI platform needs a name</source>
        <translation>xAPI 平台需要一个名称</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="83" />
        <source>the xAPI platform's name is longer than {most} characters</source>
        <translation>xAPI 平台名称超过了 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="84" />
        <source>cannot save the xAPI settings to {path}: {reason}.</source>
        <translation>无法将 xAPI 设置保存到 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="85" />
        <source>{name} could not be unpacked: {reason}.</source>
        <translation>{name} 无法解压：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="86" />
        <source>{name} is damaged ({member} fails its checksum).</source>
        <translation>{name} 已损坏（{member} 校验失败）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="87" />
        <source>{name} is not a zip file.</source>
        <translation>{name} 不是 zip 文件。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="88" />
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="89" />
        <source>{path} is not a Vosk speech model (it has no 'am' and 'conf' folders).</source>
        <translation>{path} 不是 Vosk 语音模型（缺少 am 和 conf 文件夹）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="91" />
        <source>{name} holds {count} files and folders, more than the {limit} allowed.</source>
        <translation>{name} 含有 {count} 个文件和文件夹，超过允许的 {limit} 个。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="92" />
        <source>{name} holds {size} of files, more than the {limit} allowed.</source>
        <translation>{name} 中的文件共 {size}，超过允许的 {limit}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="93" />
        <source>{member} in {name} is {size}, more than the {limit} allowed for one file.</source>
        <translation>{name} 中的 {member} 有 {size}，超过单个文件允许的 {limit}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="95" />
        <source>{member} in {name} is compressed {ratio} to 1, more than the {limit} to 1 allowed for a large file.</source>
        <translation>{name} 中的 {member} 压缩比为 {ratio} 比 1，超过大文件允许的 {limit} 比 1。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="97" />
        <source>{member} in {name} is not a plain relative path (it is absolute, or has a drive letter, a colon, a backslash or '..').</source>
        <translation>{name} 中的 {member} 不是普通的相对路径（它是绝对路径，或含有盘符、冒号、反斜杠或“..”）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="99" />
        <source>{member} in {name} is a symbolic link or a special file; only plain files and folders are taken.</source>
        <translation>{name} 中的 {member} 是符号链接或特殊文件；只接受普通文件和文件夹。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="101" />
        <source>{member} in {name} turned out larger than it said it was; nothing was kept.</source>
        <translation>{name} 中的 {member} 实际比它声明的大；没有保留任何内容。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="103" />
        <source>{member} in {name} is encrypted or packed in a way this program cannot unpack.</source>
        <translation>{name} 中的 {member} 已加密，或使用了本程序无法解压的压缩方式。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="106" />
        <source>{path} is not a speech model catalogue (JSON): {reason}.</source>
        <translation>{path} 不是语音模型清单（JSON）：{reason}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="107" />
        <source>{path}: the {language} entry needs a url that starts with https:// or http://.</source>
        <translation>{path}：{language} 条目需要一个以 https:// 或 http:// 开头的 url。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="109" />
        <source>{path}: the {language} entry's sha256 must be 64 hexadecimal digits.</source>
        <translation>{path}：{language} 条目的 sha256 必须是 64 位十六进制数字。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="110" />
        <source>{path}: the {language} entry's size must be a whole number of bytes.</source>
        <translation>{path}：{language} 条目的 size 必须是整数字节数。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="111" />
        <source>{path}: the {language} entry has a field {field} this program does not know (url, size, sha256).</source>
        <translation>{path}：{language} 条目含有本程序不认识的字段 {field}（可用的字段：url、size、sha256）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="113" />
        <source>The server sent nothing for {seconds} s; the download stopped, try again to resume it.</source>
        <translation>服务器已有 {seconds} 秒没有发送任何数据，下载已停止，请重试以继续下载。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="115" />
        <source>The download of {url} was redirected to another host ({host}), which is refused.</source>
        <translation>{url} 的下载被重定向到另一台主机（{host}），已拒绝。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="117" />
        <source>The download of {url} was redirected from https to http, which is refused.</source>
        <translation>{url} 的下载被从 https 重定向到 http，已拒绝。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="119" />
        <source>{name} is larger than the {limit} bytes expected; the download was stopped and deleted.</source>
        <translation>{name} 超过预期的 {limit} 字节，下载已停止并删除。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="121" />
        <source>{name} is {size} bytes on the server, not the {expected} bytes the catalogue gives; the download was deleted.</source>
        <translation>服务器上的 {name} 为 {size} 字节，而不是模型清单给出的 {expected} 字节，下载已删除。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="123" />
        <source>The server sent {name} from byte {start} when asked for byte {have}; the partial download was deleted, try again.</source>
        <translation>请求从第 {have} 字节开始，服务器却从第 {start} 字节发送 {name}；未完成的下载已删除，请重试。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="125" />
        <source>{name} does not match the SHA-256 {expected}; the download was deleted.</source>
        <translation>{name} 与 SHA-256 {expected} 不符，下载已删除。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="138" />
        <source>the central server at {where} does not let this PC's login do that ({reason}); nothing was written</source>
        <translation>位于 {where} 的中央服务器不允许本机的登录名这样做（{reason}）；没有写入任何内容</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="139" />
        <source>publishing needs this PC to sync with an HR login (trainer sync setup with the connection string of an HR login)</source>
        <translation>发布需要本机以人事登录名同步（用人事登录名的连接字符串运行 trainer sync setup）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="140" />
        <source>the central server at {where} does not know this PC's login as HR's: nothing was published</source>
        <translation>位于 {where} 的中央服务器不认为本机的登录名属于人事：没有发布任何内容</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="146" />
        <source>there is no situation called '{situation}' in the library</source>
        <translation>情景库中没有名为“{situation}”的情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="147" />
        <source>assign to one trainee or to one team</source>
        <translation>请布置给一名学员或一个团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="148" />
        <source>the due date {due} is already past</source>
        <translation>截止日期 {due} 已经过去</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="149" />
        <source>the pass mark must be between 0 and 100 (got {value})</source>
        <translation>及格分必须在 0 到 100 之间（输入的是 {value}）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="150" />
        <source>there is no team called '{team}'</source>
        <translation>没有名为“{team}”的团队</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="151" />
        <source>there is no assignment {id}</source>
        <translation>没有编号为 {id} 的练习任务</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="153" />
        <source>this PC keeps no copy of the central record: it does not sync with an HR or trainer login</source>
        <translation>本机没有中央记录的副本：它没有用人事或培训师的登录名同步</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="154" />
        <source>{name} may only see the trainees of the teams they coach.</source>
        <translation>{name} 只能查看自己辅导的团队的学员。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="155" />
        <source>there is no trainee {id} in the central record</source>
        <translation>中央记录中没有编号为 {id} 的学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="156" />
        <source>there is no trainee called '{name}' in the central record</source>
        <translation>中央记录中没有名为“{name}”的学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="157" />
        <source>there is no session {id} in the central record</source>
        <translation>中央记录中没有编号为 {id} 的练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="158" />
        <source>this PC reads its own database, which has teams, not branches or regions (those are the central record's)</source>
        <translation>本机读取自己的数据库，其中只有团队，没有网点或区域（网点和区域属于中央记录）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="163" />
        <source>practise as another trainee</source>
        <extracomment>What an account may not do (the ``what`` of ``Identity.require``), filled into the sentence above.</extracomment>
        <translation>以其他学员的身份练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="164" />
        <source>test-play a scenario</source>
        <translation>试玩情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="165" />
        <source>choose whether another trainee's replies are recorded</source>
        <translation>替其他学员决定是否保留录音</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="166" />
        <source>choose how another trainee is shown</source>
        <translation>替其他学员决定显示方式</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="167" />
        <source>create accounts</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="168" />
        <source>change roles</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="169" />
        <source>list accounts</source>
        <translation>查看账户列表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="170" />
        <source>reset passwords</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="171" />
        <source>disable accounts</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="172" />
        <source>list the trainees</source>
        <translation>查看学员列表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="173" />
        <source>read the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="174" />
        <source>override scores</source>
        <translation>调整分数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="175" />
        <source>write coaching notes</source>
        <translation>写辅导意见</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="176" />
        <source>see another trainee's progress</source>
        <translation>查看其他学员的进度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="177" />
        <source>open the coaching view</source>
        <translation>打开辅导视图</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="178" />
        <source>edit scenarios</source>
        <translation>编辑情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="179" />
        <source>import scenario packs</source>
        <translation>导入情景包</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="180" />
        <source>export scenario packs</source>
        <translation>导出情景包</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="181" />
        <source>see reports</source>
        <translation>查看报表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="182" />
        <source>export scorecards</source>
        <translation>导出成绩单</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="127" />
        <source>the server address is not a valid connection string: {reason}</source>
        <translation>服务器地址不是有效的连接字符串：{reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="128" />
        <source>the central server at {where} refused the login and password of this PC</source>
        <translation>位于 {where} 的中央服务器拒绝了本机的登录名和密码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="129" />
        <source>the central server at {where} has no such database</source>
        <translation>位于 {where} 的中央服务器上没有这个数据库</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="130" />
        <source>the central server at {where} cannot be reached now ({reason}); practice goes on, and the next sync catches up</source>
        <translation>现在连不上位于 {where} 的中央服务器（{reason}）；练习照常进行，下次同步时会补上</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="131" />
        <source>the central server at {where} is not set up for this program (run trainer server init there)</source>
        <translation>位于 {where} 的中央服务器尚未为本程序设置（请在服务器上运行 trainer server init）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="132" />
        <source>the central server at {where} was set up by a newer version of this program (schema {version}; this one knows {known}): update this program</source>
        <translation>位于 {where} 的中央服务器由本程序的更新版本设置（结构版本 {version}，本程序只认识 {known}）：请更新本程序</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="133" />
        <source>the central server at {where} has an older schema ({version}) than this program ({known}): its administrator must run trainer server init to upgrade it</source>
        <translation>位于 {where} 的中央服务器结构版本（{version}）比本程序（{known}）旧：需由其管理员运行 trainer server init 升级</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="134" />
        <source>the central server at {where} does not know this login as a branch's</source>
        <translation>位于 {where} 的中央服务器不认为这个登录名属于某个网点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="135" />
        <source>the central server at {where} does not know this login as branch {branch} (it is branch {known})</source>
        <translation>位于 {where} 的中央服务器不认为这个登录名属于网点 {branch}（它属于网点 {known}）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="136" />
        <source>no central server is configured (run trainer sync setup)</source>
        <translation>尚未设置中央服务器（请运行 trainer sync setup）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="137" />
        <source>the central server at {where} does not know this login as branch {branch}: nothing was sent</source>
        <translation>位于 {where} 的中央服务器不认为这个登录名属于网点 {branch}：没有发送任何内容</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="141" />
        <source>a login is for a branch, a coach or hr (got {kind})</source>
        <translation>登录名只能用于网点（branch）、培训师（coach）或人事（hr），而不是 {kind}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="142" />
        <source>{name} is not a usable name: lowercase letters, digits and _, starting with a letter</source>
        <translation>{name} 不能用作名称：只能用小写字母、数字和下划线，并以字母开头</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="143" />
        <source>{path} cannot be read as the sync settings: {reason}</source>
        <translation>无法把 {path} 读作同步设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="144" />
        <source>{path} must hold a 'dsn' and a 'branch' (run trainer sync setup again)</source>
        <translation>{path} 中必须有 'dsn' 和 'branch'（请重新运行 trainer sync setup）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="183" />
        <source>set up the central server</source>
        <translation>设置中央服务器</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="184" />
        <source>add a login to the central server</source>
        <translation>为中央服务器添加登录名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="185" />
        <source>re-score the central record</source>
        <translation>重新评分中央记录</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="186" />
        <source>publish to the central server</source>
        <translation>发布到中央服务器</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="187" />
        <source>assign practice</source>
        <translation>布置练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="188" />
        <source>read the central record</source>
        <translation>阅读中央记录</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="193" />
        <source>trainee</source>
        <extracomment>Roles as AccessDenied names them (its ``role`` field).</extracomment>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="194" />
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="195" />
        <source>hr_admin</source>
        <translation>人事管理员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="200" />
        <source>it is locked by another program (close it and try again)</source>
        <extracomment>Why the database refused (``storage.errors.plain_reason``): fields of the storage errors.</extracomment>
        <translation>它被另一个程序占用（请关闭该程序后重试）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="201" />
        <source>the file is damaged or is not a database</source>
        <translation>文件已损坏或不是数据库</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/user_error_texts.py" line="203" />
        <source>it must be an object with one entry per language</source>
        <translation>它必须是一个对象，每种语言一个条目</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <location filename="../../trainer/ui/voice.py" line="95" />
        <source>The customer's voice is off ({reason}); their lines are shown as subtitles.</source>
        <translation>客户语音已关闭（{reason}），客户的话以字幕显示。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/voice.py" line="131" />
        <source>There is no {language} speech model yet: add one in Settings → Speech models. You can type your reply meanwhile.</source>
        <translation>还没有{language}语音模型：请在“设置 → 语音模型”中添加。现在可以先打字回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/voice.py" line="201" />
        <source>The speech model could not be used ({reason}). You can type your reply.</source>
        <translation>语音模型无法使用（{reason}）。您可以打字回复。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/voice.py" line="205" />
        <source>Listening failed ({reason}). You can type your reply.</source>
        <translation>语音识别失败（{reason}）。您可以打字回复。</translation>
    </message>
</context>
<context>
    <name>XapiSettingsDialog</name>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="61" />
        <source>xAPI statements</source>
        <translation>xAPI 语句</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="63" />
        <source>The learning-management system knows your organisation by its web address, the home page: it names each trainee's account and each scenario in the statements. The platform is what the statements say they come from (left empty: this program). Both are kept for later exports.</source>
        <translation>学习管理系统通过贵机构的网址（即主页）识别贵机构：语句中每位学员的账户和每个情景都以它命名。平台是语句所注明的来源（留空则为本程序）。两项设置都会保留，供以后导出使用。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="67" />
        <source>&amp;Home page:</source>
        <translation>主页(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="68" />
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="69" />
        <source>Home page</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="70" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="71" />
        <source>&amp;Choose the file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/xapi_dialog.py" line="72" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>