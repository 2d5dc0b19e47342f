<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../trainer/ui/errors.py" line="45" />
        <source>Something went wrong. Your finished turns are saved; details are in {log}.</source>
        <translation>出了点问题。已完成的对话都已保存，详细信息记录在 {log}。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="54" />
        <source>Teller trainer</source>
        <translation>柜员情景训练</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/errors.py" line="56" />
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="49" />
        <source>{dimension} score</source>
        <translation>{dimension}得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="50" />
        <location filename="../../trainer/ui/feedback_panel.py" line="73" />
        <source>Feedback on your reply</source>
        <translation>对您回复的反馈</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="70" />
        <source>How replies are scored</source>
        <translation>回复的评分标准</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="77" />
        <source>Each reply earns points for what it does well and loses points for what hurts. The words that earned each point are highlighted.</source>
        <translation>每句回复做得好的地方加分，伤害客户的地方扣分。每一分对应的原话都会被标出来。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="79" />
        <source>Steps this customer needs</source>
        <translation>这位客户需要的处理步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="80" />
        <source>Critical fails (forbidden phrases, asking for a PIN, promises the bank cannot keep) are shown apart in red.</source>
        <translation>严重失误（服务禁语、索要密码、银行做不到的承诺）单独用红色标出。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="97" />
        <source>Critical fails</source>
        <translation>严重失误</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="97" />
        <source>Missed</source>
        <translation>未做到</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/feedback_panel.py" line="97" />
        <source>for example</source>
        <translation>例如</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="224" />
        <location filename="../../trainer/ui/review_pages.py" line="227" />
        <source>Past sessions</source>
        <translation>历史练习</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="225" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="225" />
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="225" />
        <source>Turns</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="226" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="228" />
        <source>No sessions yet: practise a scenario and it will appear here.</source>
        <translation>还没有练习记录：练习一个情景后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="229" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="230" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../trainer/ui/labels.py" line="13" />
        <source>Service quality</source>
        <translation>服务质量</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="14" />
        <source>Communication</source>
        <translation>沟通问题</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="15" />
        <source>System failure</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="16" />
        <source>Staff attitude</source>
        <translation>员工态度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="17" />
        <source>Policy and market</source>
        <translation>政策与市场</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="23" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="24" />
        <source>Escalated</source>
        <translation>已升级处理</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="25" />
        <source>Walked out</source>
        <translation>客户离开</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="26" />
        <source>Stopped early</source>
        <translation>提前结束</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="27" />
        <source>Interrupted</source>
        <translation>意外中断</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="28" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="29" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="34" />
        <source>Empathy</source>
        <translation>同理心</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="34" />
        <source>Clarity</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="34" />
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="42" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="42" />
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="42" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="48" />
        <source>Scenario step</source>
        <translation>情景步骤</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="50" />
        <source>Acknowledges the feeling</source>
        <translation>体察客户情绪</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="51" />
        <source>Apologises</source>
        <translation>真诚致歉</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="52" />
        <source>Validates the expectation</source>
        <translation>认可客户的诉求</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="53" />
        <source>Takes ownership</source>
        <translation>主动担责</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="54" />
        <source>Courteous words</source>
        <translation>礼貌用语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="55" />
        <source>Blames the customer</source>
        <translation>指责客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="56" />
        <source>Dismisses the customer</source>
        <translation>敷衍打发客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="57" />
        <source>Hides behind rules or systems</source>
        <translation>拿规定或系统推脱</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="58" />
        <source>Apology cancelled by “but”</source>
        <translation>道歉后接“但是”</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="59" />
        <source>Conditional apology</source>
        <translation>有条件的道歉</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="60" />
        <source>Concrete specifics</source>
        <translation>具体信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="61" />
        <source>More than one specific</source>
        <translation>多项具体信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="62" />
        <source>Steps in order</source>
        <translation>步骤有先后</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="63" />
        <source>Checks understanding</source>
        <translation>确认客户理解</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="64" />
        <source>Plain and short</source>
        <translation>简短易懂</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="65" />
        <source>Unexplained jargon</source>
        <translation>未解释的术语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="66" />
        <source>Vague promise</source>
        <translation>含糊的承诺</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="67" />
        <source>Fillers and hedges</source>
        <translation>口头禅和含糊词</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="68" />
        <source>Run-on sentence</source>
        <translation>句子过长</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="69" />
        <source>Acknowledges before solving</source>
        <translation>先安抚后解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="70" />
        <source>Solves before acknowledging</source>
        <translation>未安抚就谈解决</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="71" />
        <source>Asks for the details</source>
        <translation>询问具体情况</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="72" />
        <source>Concrete action</source>
        <translation>具体行动</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="73" />
        <source>Time frame</source>
        <translation>时间承诺</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="74" />
        <source>Follow-up or escalation</source>
        <translation>跟进或上报</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="75" />
        <source>Forbidden phrase</source>
        <translation>服务禁语</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="76" />
        <source>Asks for a PIN or password</source>
        <translation>索要密码</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="77" />
        <source>Discloses another customer's data</source>
        <translation>泄露其他客户信息</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="78" />
        <source>Promises what the bank cannot</source>
        <translation>做出银行无法兑现的承诺</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="207" />
        <source>Choose a customer to calm</source>
        <translation>选择一位需要安抚的客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="208" />
        <source>&amp;Cause:</source>
        <translation>原因(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="208" />
        <source>&amp;Difficulty:</source>
        <translation>难度(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="209" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="211" />
        <source>All causes</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="213" />
        <source>All levels</source>
        <translation>全部难度</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="215" />
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="217" />
        <source>Filter by cause</source>
        <translation>按原因筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="218" />
        <source>Filter by difficulty</source>
        <translation>按难度筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="219" />
        <source>Filter by language</source>
        <translation>按语言筛选</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="220" />
        <source>Scenarios</source>
        <translation>情景列表</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="221" />
        <source>No scenario matches these filters.</source>
        <translation>没有符合筛选条件的情景。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="222" />
        <source>&amp;Practise this scenario</source>
        <translation>练习这个情景(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="223" />
        <source>Past &amp;sessions</source>
        <translation>历史练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="224" />
        <source>Change &amp;trainee</source>
        <translation>更换学员(&amp;T)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="76" />
        <source>Opening your practice data…</source>
        <translation>正在打开练习数据……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="81" />
        <source>Some scenarios could not be loaded</source>
        <translation>部分情景无法加载</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="83" />
        <location filename="../../trainer/ui/main_window.py" line="88" />
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="88" />
        <source>Loading the scoring model…</source>
        <translation>正在加载评分模型……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="198" />
        <source>Teller trainer</source>
        <translation>柜员情景训练</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="199" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="200" />
        <source>Past &amp;sessions</source>
        <translation>历史练习(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="201" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="202" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="203" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="204" />
        <source>Working</source>
        <translation>处理中</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="114" />
        <source>Customer's mood (100 = furious)</source>
        <translation>客户情绪（100 = 非常愤怒）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="115" />
        <source>Customer's mood</source>
        <translation>客户情绪</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="116" />
        <source>%v / 100</source>
        <translation>%v / 100</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="117" />
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="118" />
        <source>Your reply</source>
        <translation>您的回复</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="119" />
        <source>Type your reply. Enter sends, Shift+Enter starts a new line.</source>
        <translation>输入您的回复。按 Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="120" />
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="121" />
        <source>&amp;End session</source>
        <translation>结束练习(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="122" />
        <source>See the &amp;summary</source>
        <translation>查看总结(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="153" />
        <source>Session ended: {outcome}</source>
        <translation>练习结束：{outcome}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="181" />
        <source>Scoring your reply…</source>
        <translation>正在为您的回复评分……</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/practice_page.py" line="188" />
        <source>You</source>
        <translation>您</translation>
    </message>
</context>
<context>
    <name>ScenarioCard</name>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="147" />
        <source>Your best: empathy {e}, clarity {c}, solution {s}</source>
        <translation>您的最好成绩：同理心 {e}，清晰度 {c}，解决方案 {s}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="150" />
        <source>Not practised yet</source>
        <translation>尚未练习</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="89" />
        <source>Scores per turn</source>
        <translation>每轮得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="90" />
        <source>Your replies beside the model answers</source>
        <translation>您的回复与参考回答对照</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="91" />
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="92" />
        <source>Practise &amp;again</source>
        <translation>再练一次(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="108" />
        <source>Ending</source>
        <translation>结局</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="108" />
        <source>turn limit reached</source>
        <translation>已达轮数上限</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="108" />
        <source>Average scores</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="109" />
        <source>Reopened from history (read-only).</source>
        <translation>从历史记录中打开（只读）。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="124" />
        <source>Practise next</source>
        <translation>下一步练习重点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="125" />
        <source>For example: “{model}”</source>
        <translation>例如：“{model}”</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="144" />
        <source>Turn</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="161" />
        <source>Turn by turn</source>
        <translation>逐轮回顾</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="161" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="161" />
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="161" />
        <source>Model answer</source>
        <translation>参考回答</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="162" />
        <source>(no model answer: the scenario has changed)</source>
        <translation>（无参考回答：情景已修改）</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/review_pages.py" line="165" />
        <source>Turn {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
</context>
<context>
    <name>TraineePage</name>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="74" />
        <source>Who is practising?</source>
        <translation>谁来练习？</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="75" />
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="76" />
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="77" />
        <source>New trainee</source>
        <translation>新学员</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="78" />
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="79" />
        <source>&amp;Team or branch:</source>
        <translation>团队或网点(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="80" />
        <source>Trainee name</source>
        <translation>学员姓名</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="81" />
        <source>Team or branch</source>
        <translation>团队或网点</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="82" />
        <source>&amp;Add trainee and start</source>
        <translation>添加学员并开始(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="83" />
        <source>Progress is kept per trainee on this computer only.</source>
        <translation>练习进度按学员保存，只保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/start_pages.py" line="115" />
        <source>Please type a name first.</source>
        <translation>请先输入姓名。</translation>
    </message>
</context>
</TS>