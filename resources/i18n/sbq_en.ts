<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RenewPage</name>
    <message numerus="yes">
        <source>The secret in use expired %n day(s) ago: SmartBooqing cannot reach AFAS now.</source>
        <translation>
            <numerusform>The secret in use expired %n day ago: SmartBooqing cannot reach AFAS now.</numerusform>
            <numerusform>The secret in use expired %n days ago: SmartBooqing cannot reach AFAS now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The secret in use expires in %n day(s).</source>
        <translation>
            <numerusform>The secret in use expires in %n day.</numerusform>
            <numerusform>The secret in use expires in %n days.</numerusform>
        </translation>
    </message>
</context>
</TS>
